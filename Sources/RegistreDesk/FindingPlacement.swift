import Foundation
import RegistreCore
import RegistreStore

/// Which field of the activity form a finding of `check` is shown beside: the DPO reads what is missing
/// where they would type it. Findings about no one field go to the top.
enum FindingPlacement {
    static func field(of finding: Finding) -> String {
        // Placed by the article part the code names (`ART30-1-A-…` is point (a)): one line per field.
        let code = finding.code.rawValue
        if code.hasPrefix("ART30-1-A") { return "controller" }
        if code.hasPrefix("ART26") { return "jointControllers" }
        if code.hasPrefix("ART30-1-E") { return "transfers" }
        if code.hasPrefix("ART9-") || code.hasPrefix("ART10-") { return "specialCategories" }
        if code.hasPrefix("ART28-") { return "processors" }
        if code.hasPrefix("ART35-") { return "dpia" }
        if code.hasPrefix("ART30-1-B") { return "purposes" }
        if finding.code == .art30_1_c_data_subjects { return "dataSubjects" }
        if finding.code == .art30_1_c_data_categories { return "dataCategories" }
        if code.hasPrefix("ART30-1-D") { return "recipients" }
        if code.hasPrefix("ART30-1-F") { return "retention" }
        if code.hasPrefix("ART30-1-G") { return "security" }
        if code.hasPrefix("ART6-") { return "bases" }
        return "general"
    }

    static let fields = [
        "controller", "purposes", "dataSubjects", "dataCategories", "recipients", "retention", "security", "bases", "transfers",
        "specialCategories", "processors", "jointControllers", "dpia", "general",
    ]

    /// The findings of `check` for `activity` alone, checked against the parties of `register` it concerns:
    /// the rules of an activity look up its controller, joint controllers and processors, the structures
    /// they belong to, and the agreements and records between them, never another activity, so a register
    /// of one activity with those parties gives the same findings at any size of register — and the rules
    /// of a thousand other organisations' agreements are not run only to be filtered out.
    static func findings(for activity: ProcessingActivity, in register: Register, now: Date? = nil) -> [Finding] {
        var named = Set(RegisterEntry.activity(activity).references.filter { $0.kind == .organisation }.map(\.id))
        named.insert(activity.controller)
        // The structures (centres de gestion) of those organisations, whose agreements cover their members.
        for organisation in register.organisations where !named.isDisjoint(with: organisation.members) { named.insert(organisation.id) }
        let agreements = register.agreements.filter { !named.isDisjoint(with: $0.controllers) || named.contains($0.processor) }
        var parties = named
        for agreement in agreements {
            parties.formUnion(agreement.controllers)
            parties.insert(agreement.processor)
            parties.formUnion(agreement.subProcessors.map(\.organisation))
        }
        let alone = Register(
            organisations: register.organisations.filter { parties.contains($0.id) }, activities: [activity],
            processorRecords: register.processorRecords.filter { named.contains($0.controller) || named.contains($0.processor) },
            agreements: agreements)
        // The activity's own rules only: those of the parties around it are not judged for its page.
        return RegisterCheck.findings(of: activity, amongParties: alone, now: now)
    }

    /// The findings the register keeps for a stored activity (`kept`, the rows the dashboard counts), each
    /// told in words by the activity's own rules judged alone (``findings(for:in:now:)``, which never runs
    /// the rules of the organisation's other entries): the page shows what the dashboard counts. A row the
    /// rules do not give again (kept by other rules, or changed behind registre's back, which `verify`
    /// names) is shown by its code.
    static func findings(kept: [KeptFindingRow], for activity: ProcessingActivity, in register: Register, now: Date) -> [Finding] {
        var judged = findings(for: activity, in: register, now: now)
        let subject = Finding.Subject(.activity, activity.id)
        return kept.map { row in
            if let index = judged.firstIndex(where: { $0.code == row.code && $0.severity == row.severity }) {
                return judged.remove(at: index)
            }
            return Finding(
                code: row.code, severity: row.severity, subject: subject, article: "",
                message: LocalizedText(
                    fr: "\(row.code.rawValue) : constat gardé par le registre (« registre check » le détaille)",
                    en: "\(row.code.rawValue): finding kept by the register ('registre check' details it)"))
        }
    }
}
