/// A command whose `--lang` also chooses the language of its failure's message (`Registre.main`). Every
/// command that runs has `--lang`; a test walks the tree of commands to keep it so.
protocol LanguageChoosing {
    var language: LanguageOption { get }
}

extension CheckCommand: LanguageChoosing {}
extension RegisterExport: LanguageChoosing {}
extension BreachesExport: LanguageChoosing {}
extension ImportCommand: LanguageChoosing {}
extension HistoryCommand: LanguageChoosing {}
extension VerifyCommand: LanguageChoosing {}
extension BackupCommand: LanguageChoosing {}
extension RestoreCommand: LanguageChoosing {}
extension DeadlinesCommand: LanguageChoosing {}
extension AuditCommand.Request: LanguageChoosing {}
extension AuditCommand.Record: LanguageChoosing {}
extension AuditCommand.Notice: LanguageChoosing {}
extension ChangeNoticeCommand.Outcome: LanguageChoosing {}
extension ReversibilityCommand.Request: LanguageChoosing {}
extension MatrixCommand: LanguageChoosing {}
extension SubProcessorsCommand: LanguageChoosing {}
extension BreachCommand.Open: LanguageChoosing {}
extension BreachCommand.Update: LanguageChoosing {}
extension BreachCommand.Assess: LanguageChoosing {}
extension BreachCommand.Notify: LanguageChoosing {}
extension BreachCommand.FanOut: LanguageChoosing {}
extension BreachCommand.List: LanguageChoosing {}
extension BreachCommand.Show: LanguageChoosing {}
extension BreachCommand.Report: LanguageChoosing {}
extension SealCommand: LanguageChoosing {}
extension UserCommand.Add: LanguageChoosing {}
extension UserCommand.List: LanguageChoosing {}
extension UserCommand.Remove: LanguageChoosing {}
extension UserCommand.Password: LanguageChoosing {}
extension UserCommand.SecondFactor: LanguageChoosing {}
extension ServeCommand: LanguageChoosing {}
extension ModelCommand.Apply: LanguageChoosing {}
extension ModelCommand.Drift: LanguageChoosing {}
extension ModelCommand.Propagate: LanguageChoosing {}
extension ModelCommand.Own: LanguageChoosing {}
extension MembersCommand: LanguageChoosing {}
extension CampaignCommand.Open: LanguageChoosing {}
extension CampaignCommand.Confirm: LanguageChoosing {}
extension CampaignCommand.Status: LanguageChoosing {}
extension CampaignCommand.Close: LanguageChoosing {}
