public import Foundation
public import RegistreCore

/// The register of requests as text: a heading, one line per request as it comes (id, controller,
/// reference, day received, rights, last day, state, answer), then the counts (`RequestTally`), in all
/// and, for a structure, per organisation. Written piece by piece, so that it streams.
public enum RequestRegisterText {
    /// The heading: what the register is, when it was drawn up, whose requests it holds, and the columns.
    /// - Parameters:
    ///   - register: the register of requests, its scope settled.
    ///   - language: the language of the words.
    public static func heading(_ register: RequestRegister, language: Language) -> String {
        let day = Vocabulary.format(DeadlineCalculator().day(of: register.now), in: language)
        let title = language == .fr
            ? "REGISTRE DES DEMANDES DES PERSONNES CONCERNÉES (articles 12 à 22 du RGPD) — au \(day)"
            : "REGISTER OF DATA SUBJECT REQUESTS (Articles 12 to 22 GDPR) — as of \(day)"
        let scope: String = switch register.scope {
        case .whole: RequestRegisterWords.wholeScope[language]
        case .controller(let id): ReportText.inline(register.name(of: id))
        case .membersOf(let id): "\(ReportText.inline(register.name(of: id))) \(RequestRegisterWords.andMembers[language])"
        }
        return [
            title, "\(RequestRegisterWords.scope[language]) : \(scope)", "",
            RequestRegisterWords.columns.map { $0[language] }.joined(separator: "  "), "",
        ].joined(separator: "\n")
    }

    /// One request's line: the columns of ``RequestRegisterWords/columns``, separated by two spaces.
    /// - Parameters:
    ///   - row: the request and its clock.
    ///   - now: the moment the state is read at.
    public static func line(_ row: RequestRegister.Row, now: Date) -> String {
        RequestRegisterWords.cells(of: row, now: now).joined(separator: "  ") + "\n"
    }

    /// The counts after the lines: in all, then per organisation for a structure.
    /// - Parameters:
    ///   - register: the register of requests, every request taken.
    ///   - language: the language of the words.
    public static func counts(_ register: RequestRegister, language: Language) -> String {
        var text = register.total.requests == 0 ? "\(RequestRegisterWords.noRequest[language])\n" : ""
        text += "\n" + block(RequestRegisterWords.totalTitle[language], register.total, language: language)
        for (organisation, tally) in register.perOrganisation {
            text += "\n" + block("\(RequestRegisterWords.countsTitle[language]) — \(ReportText.inline(register.name(of: organisation))) (\(organisation))", tally, language: language)
        }
        return text
    }

    private static func block(_ title: String, _ tally: RequestTally, language: Language) -> String {
        let rows = RequestRegisterWords.counts(of: tally).map { ($0.label[language], $0.value) }
        let width = rows.map { $0.0.count }.max() ?? 0
        return ([title] + rows.map { label, value in
            "  \(label)\(String(repeating: " ", count: width - label.count)) : \(value)"
        }).joined(separator: "\n") + "\n"
    }
}

/// The words of the register of requests, shared by its text and its spreadsheet.
public enum RequestRegisterWords {
    /// The columns of a request's line, in order.
    public static let columns: [LocalizedText] = [
        LocalizedText(fr: "Demande", en: "Request"), LocalizedText(fr: "Responsable", en: "Controller"),
        LocalizedText(fr: "Référence", en: "Reference"), LocalizedText(fr: "Reçue", en: "Received"),
        LocalizedText(fr: "Droits", en: "Rights"), LocalizedText(fr: "Échéance", en: "Due"),
        LocalizedText(fr: "État", en: "State"), LocalizedText(fr: "Prolongée", en: "Extended"),
        LocalizedText(fr: "Réponse", en: "Answered"), LocalizedText(fr: "Issue", en: "Outcome"),
    ]

    /// A request's cells, in the order of ``columns``: codes and ISO days, the same in both languages,
    /// for a program as for a person; "-" for what is not recorded.
    /// - Parameters:
    ///   - row: the request and its clock.
    ///   - now: the moment the state is read at.
    public static func cells(of row: RequestRegister.Row, now: Date) -> [String] {
        let request = row.request
        return [
            request.id, request.controller, ReportText.inline(request.person.isEmpty ? "-" : request.person), request.receipt.day.iso,
            request.rights.map(\.rawValue).joined(separator: ","), row.clock.dueDay?.iso ?? "-", row.clock.state(at: now).rawValue,
            request.extended?.decided.iso ?? "-", request.answer?.sent.iso ?? "-", request.answer?.outcome.rawValue ?? "-",
        ]
    }

    /// The counts of `tally` as labelled values, in the order the register prints them.
    /// - Parameter tally: the counts.
    public static func counts(of tally: RequestTally) -> [(label: LocalizedText, value: String)] {
        var rows: [(label: LocalizedText, value: String)] = [(LocalizedText(fr: "Demandes", en: "Requests"), String(tally.requests))]
        for right in DataSubjectRight.allCases {
            rows.append((LocalizedText(fr: "\(right.name.fr) (\(right.article))", en: "\(right.name.en) (\(right.article))"), String(tally.byRight[right] ?? 0)))
        }
        rows += [
            (LocalizedText(fr: "Accordées", en: "Granted"), String(tally.byOutcome[.granted] ?? 0)),
            (LocalizedText(fr: "Accordées en partie", en: "Granted in part"), String(tally.byOutcome[.partly] ?? 0)),
            (LocalizedText(fr: "Refusées", en: "Refused"), String(tally.byOutcome[.refused] ?? 0)),
            (LocalizedText(fr: "Sans réponse", en: "Not answered"), String(tally.unanswered)),
            (LocalizedText(fr: "Prolongées (art. 12(3))", en: "Extended (Art. 12(3))"), String(tally.extended)),
            (LocalizedText(fr: "Répondues dans le délai", en: "Answered in time"), String(tally.answeredInTime)),
            (LocalizedText(fr: "Répondues en retard", en: "Answered late"), String(tally.answeredLate)),
            (LocalizedText(fr: "En retard, sans réponse", en: "Overdue, not answered"), String(tally.overdue)),
            (LocalizedText(fr: "Part répondue dans le délai", en: "Share answered in time"),
             "\(tally.inTimePercent) (\(tally.answeredInTime)/\(tally.due))"),
        ]
        return rows
    }

    /// « Périmètre », "Scope".
    public static let scope = LocalizedText(fr: "Périmètre", en: "Scope")
    /// Every controller of the register.
    public static let wholeScope = LocalizedText(fr: "tous les responsables du traitement du registre", en: "every controller of the register")
    /// After a structure's name.
    public static let andMembers = LocalizedText(fr: "et ses membres", en: "and its members")
    /// The title of the counts in all.
    public static let totalTitle = LocalizedText(fr: "DÉCOMPTE (ensemble)", en: "COUNTS (in all)")
    /// The title of one organisation's counts.
    public static let countsTitle = LocalizedText(fr: "Décompte", en: "Counts")
    /// When the scope holds no request.
    public static let noRequest = LocalizedText(fr: "Aucune demande enregistrée.", en: "No request recorded.")
}
