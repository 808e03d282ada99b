import RegistreCore

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
    static func findings(for activity: ProcessingActivity, in register: Register) -> [Finding] {
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
        return RegisterCheck.findings(in: alone).filter { $0.subject == Finding.Subject(.activity, activity.id) }
    }
}
