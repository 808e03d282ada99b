import RegistreCore

/// The section of one activity in the printed register, written by code rather than by a template: a
/// register of a million activities prints this section a million times, and a template's lookups by
/// name through untyped values cost most of the printing. Every value is escaped as a template's
/// `{{value}}` is (`ReportText.escape(_:lineBreak:)`), then laid out and folded as every template's
/// text (`Templates.finish(_:folded:endsLine:)`), so the section reads as the other pieces do.
///
/// The words are in `ActivityWords`, one set per language; the layout below is the same for both.
/// Another kind of entry printed for each of many entries is written the same way: a layout of lines
/// over its typed value, words per language, then `Templates.finish`.
struct ActivityText {
    let language: Language
    let words: ActivityWords
    /// The name of a party (a joint controller, a processor): the organisation's name, or its id.
    let name: (EntityID) -> String

    init(language: Language, name: @escaping (EntityID) -> String) {
        self.language = language
        words = ActivityWords.of(language)
        self.name = name
    }

    /// The section's text, before it is laid out and folded.
    func render(_ activity: ProcessingActivity) -> String {
        var text = Lines()
        let status = Vocabulary.label(activity.status)[language]
        text.line(words.rule)
        text.line(words.activity, value(activity.name))
        text.line(words.reference, value(activity.id), words.status, value(status))
        text.line(words.rule)
        text.line(words.created, activity.created.map(date) ?? words.dateNotRecorded)
        text.line(words.lastReviewed, activity.lastReviewed.map(date) ?? words.dateNotRecorded)
        text.line(words.jointControllers, activity.jointControllers.isEmpty ? words.noJointController : "")
        for joint in activity.jointControllers {
            text.line("  - ", value(name(joint.organisation)), words.arrangement, joint.arrangement.map(value) ?? words.notRecorded)
        }
        text.line(words.application, activity.application.map(value) ?? words.notRecorded)
        if activity.isModel { text.line(words.sharedModel) }
        if let link = activity.modelRole?.link {
            let own = link.ownItems.isEmpty ? words.noOwnValue : value(link.ownItems.map { $0.label[language] }.joined(separator: ", "))
            text.line(words.follows, value(link.model), words.ownValues, own)
        }

        text.heading(words.purposes)
        text.items(activity.purposes, or: words.pluralNotRecorded) { [value($0)] }
        text.heading(words.legalBases)
        text.items(activity.legalBases, or: words.feminineNotRecorded) { basis in
            [value(Vocabulary.label(basis.basis)[language]), " (", value(basis.basis.article), ")", basis.reference.map { " — " + value($0) } ?? ""]
        }
        text.heading(words.dataSubjects)
        text.items(activity.dataSubjects, or: words.pluralNotRecorded) { [value($0.label)] }
        text.heading(words.dataCategories)
        text.items(activity.dataCategories, or: words.pluralNotRecorded) { [value($0.label)] }

        text.heading(words.specialCategories)
        for data in activity.specialCategories {
            text.line("  - ", value(Vocabulary.label(data.category)[language]), words.condition,
                      data.condition.map { value($0.article) } ?? words.feminineNotRecorded, data.detail.map { " — " + value($0) } ?? "")
        }
        if let data = activity.criminalOffenceData {
            text.line(words.criminalOffences, value(data.description), words.legalGround, data.legalGround.map(value) ?? words.notRecorded)
        }
        if activity.specialCategories.isEmpty, activity.criminalOffenceData == nil { text.line("  ", words.noSpecialCategory) }

        text.heading(words.recipients)
        text.items(activity.recipients, or: words.pluralNotRecorded) { [value($0.label), " (", value(Vocabulary.label($0.kind)[language]), ")"] }
        text.heading(words.transfers)
        text.items(activity.transfers, or: words.noTransfer) { transfer in
            [value(transfer.recipient), " — ", value(transfer.destinationName(in: language)), words.safeguard,
             safeguard(of: transfer).map(value) ?? words.feminineNotRecorded,
             transfer.documentation.map { words.documentation + value($0) } ?? ""]
        }
        text.heading(words.retention)
        text.items(activity.retention, or: words.pluralNotRecorded, retention)
        text.heading(words.securityMeasures)
        text.items(activity.securityMeasures, or: words.pluralNotRecorded) {
            [value(Vocabulary.label($0.kind)[language]), words.colon, value($0.description)]
        }
        text.heading(words.processors)
        text.items(activity.processors, or: words.noProcessor) { engagement in
            [value(name(engagement.processor)), " — ", value(engagement.service), engagement.agreement.map { words.agreement + value($0) } ?? ""]
        }

        text.heading(words.impactAssessment)
        if let assessment = activity.impactAssessment {
            let criteria = assessment.criteria.isEmpty ? words.noCriterion
                : value(assessment.criteria.map { Vocabulary.label($0)[language] }.joined(separator: "; "))
            text.line(words.criteria, criteria)
            text.line(words.assessmentStatus, assessment.status.map { value(Vocabulary.label($0)[language]) } ?? words.notRecorded,
                      assessment.completed.map { words.completedOn + date($0) } ?? "",
                      assessment.reference.map { " — " + value($0) } ?? "")
        } else {
            text.line("  ", words.feminineNotRecorded)
        }
        return text.text
    }

    private func value(_ text: String) -> String { ReportText.escape(text) }

    private func date(_ date: CalendarDate) -> String { value(Vocabulary.format(date, in: language)) }

    private func safeguard(of transfer: Transfer) -> String? {
        transfer.safeguard.map { "\(Vocabulary.label($0)[language]) (\($0.article))" }
            ?? transfer.statedSafeguard.map { LocalizedText(fr: "aucune valable (« \($0) » indiquée)", en: "none valid ('\($0)' stated)")[language] }
    }

    private func retention(_ period: RetentionPeriod) -> [String] {
        var parts: [String] = []
        if let data = period.data { parts += [value(data), words.dataColon] }
        switch period.rule {
        case .duration(let length, let from):
            parts.append(value(PeriodWords.describe(DeadlinePeriod(length.value, length.unit))[language]))
            parts.append(from.map { words.from + value($0) } ?? words.noStartingEvent)
        case .criterion(let criterion):
            parts.append(value(criterion))
        }
        if let then = period.then { parts += [words.then, value(then)] }
        return parts
    }

    /// The text being written, line by line.
    private struct Lines {
        var text = "\n"

        mutating func line(_ parts: String...) {
            for part in parts { text += part }
            text += "\n"
        }

        /// A heading after an empty line.
        mutating func heading(_ title: String) {
            text += "\n"
            text += title
            text += "\n"
        }

        /// One bulleted line per item, or `none` under the heading when there is none.
        mutating func items<T>(_ items: [T], or none: String, _ parts: (T) -> [String]) {
            guard !items.isEmpty else { return line("  ", none) }
            for item in items {
                text += "  - "
                for part in parts(item) { text += part }
                text += "\n"
            }
        }
    }
}

/// The words of an activity's section in one language.
struct ActivityWords {
    var rule = String(repeating: "-", count: 90)
    var activity: String
    var reference: String
    var status: String
    var created: String
    var lastReviewed: String
    var dateNotRecorded: String
    var jointControllers: String
    var noJointController: String
    var arrangement: String
    var notRecorded: String
    var feminineNotRecorded: String
    var pluralNotRecorded: String
    var application: String
    var sharedModel: String
    var follows: String
    var ownValues: String
    var noOwnValue: String
    var purposes: String
    var legalBases: String
    var dataSubjects: String
    var dataCategories: String
    var specialCategories: String
    var condition: String
    var criminalOffences: String
    var legalGround: String
    var noSpecialCategory: String
    var recipients: String
    var transfers: String
    var safeguard: String
    var documentation: String
    var noTransfer: String
    var retention: String
    var dataColon: String
    var from: String
    var noStartingEvent: String
    var then: String
    var securityMeasures: String
    var colon: String
    var processors: String
    var agreement: String
    var noProcessor: String
    var impactAssessment: String
    var criteria: String
    var noCriterion: String
    var assessmentStatus: String
    var completedOn: String

    static func of(_ language: Language) -> ActivityWords {
        switch language {
        case .fr: french
        case .en: english
        }
    }

    static let french = ActivityWords(
        activity: "ACTIVITÉ : ", reference: "Référence : ", status: " — statut : ",
        created: "Date de création        : ", lastReviewed: "Dernière mise à jour    : ", dateNotRecorded: "non renseignée",
        jointControllers: "Responsables conjoints  : ", noJointController: "aucun", arrangement: " — accord : ",
        notRecorded: "non renseigné", feminineNotRecorded: "non renseignée", pluralNotRecorded: "non renseignées",
        application: "Logiciel ou application : ",
        sharedModel: "Modèle mutualisé        : oui, proposé par la structure à ses membres",
        follows: "Suit le modèle          : ", ownValues: " — valeurs propres : ", noOwnValue: "aucune",
        purposes: "Finalités (art. 30(1)(b))", legalBases: "Base légale (art. 6(1))",
        dataSubjects: "Catégories de personnes concernées (art. 30(1)(c))",
        dataCategories: "Catégories de données personnelles (art. 30(1)(c))",
        specialCategories: "Données sensibles (art. 9) et relatives aux infractions (art. 10)", condition: " — condition : ",
        criminalOffences: "  - Infractions, condamnations : ", legalGround: " — fondement : ", noSpecialCategory: "aucune",
        recipients: "Catégories de destinataires (art. 30(1)(d))",
        transfers: "Transferts hors de l'Espace économique européen (art. 30(1)(e))", safeguard: " — garantie : ",
        documentation: " — documentation : ", noTransfer: "aucun transfert enregistré",
        retention: "Durées de conservation (art. 30(1)(f))", dataColon: " : ", from: " à compter de ",
        noStartingEvent: " (point de départ non renseigné)", then: " ; ensuite : ",
        securityMeasures: "Mesures de sécurité (art. 30(1)(g))", colon: " : ",
        processors: "Sous-traitants (art. 28)", agreement: " — contrat : ", noProcessor: "aucun",
        impactAssessment: "Analyse d'impact (AIPD, art. 35)", criteria: "  Critères du CEPD remplis : ", noCriterion: "aucun",
        assessmentStatus: "  Statut : ", completedOn: " — le "
    )

    static let english = ActivityWords(
        activity: "ACTIVITY: ", reference: "Reference: ", status: " — status: ",
        created: "Created                 : ", lastReviewed: "Last reviewed           : ", dateNotRecorded: "not recorded",
        jointControllers: "Joint controllers       : ", noJointController: "none", arrangement: " — arrangement: ",
        notRecorded: "not recorded", feminineNotRecorded: "not recorded", pluralNotRecorded: "not recorded",
        application: "Software or application : ",
        sharedModel: "Shared model            : yes, offered by the structure to its members",
        follows: "Follows model           : ", ownValues: " — own values: ", noOwnValue: "none",
        purposes: "Purposes (Art. 30(1)(b))", legalBases: "Legal basis (Art. 6(1))",
        dataSubjects: "Categories of data subjects (Art. 30(1)(c))",
        dataCategories: "Categories of personal data (Art. 30(1)(c))",
        specialCategories: "Special categories (Art. 9) and criminal-offence data (Art. 10)", condition: " — condition: ",
        criminalOffences: "  - Criminal convictions and offences: ", legalGround: " — legal ground: ", noSpecialCategory: "none",
        recipients: "Categories of recipients (Art. 30(1)(d))",
        transfers: "Transfers outside the European Economic Area (Art. 30(1)(e))", safeguard: " — safeguard: ",
        documentation: " — documentation: ", noTransfer: "no transfer recorded",
        retention: "Retention periods (Art. 30(1)(f))", dataColon: ": ", from: " from ",
        noStartingEvent: " (starting event not recorded)", then: "; then: ",
        securityMeasures: "Security measures (Art. 30(1)(g))", colon: ": ",
        processors: "Processors (Art. 28)", agreement: " — agreement: ", noProcessor: "none",
        impactAssessment: "Data protection impact assessment (DPIA, Art. 35)", criteria: "  EDPB criteria met: ", noCriterion: "none",
        assessmentStatus: "  Status: ", completedOn: " — on "
    )
}
