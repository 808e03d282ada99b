public import Foundation
public import RegistreCore

/// The letters a controller sends a person about a request (Art. 12 to 22), drafted from the register:
/// the acknowledgement of receipt, with the day the answer is due by the clock of Art. 12(3) and the
/// question on identity of Art. 12(6) when one was asked; and the answer, with, for access, the
/// information of Art. 15(1) taken from the activities the request names (`AccessAnswer`), and, when
/// the answer withholds something, its reason and the remedies of Art. 12(4).
///
/// What the register does not know (the source of the data, automated decisions, an outcome not yet
/// recorded) is marked `[à compléter]`, `[to be completed]`, for the DPO to fill in: the draft never says
/// more than the register.
public enum RequestLetter {
    /// The letters registre drafts.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// The acknowledgement of receipt.
        case acknowledgement
        /// The answer.
        case answer

        /// The file name's stem, in French, the language of the seeds: `accuse-reception`, `reponse`.
        public var fileStem: String { self == .acknowledgement ? "accuse-reception" : "reponse" }
    }

    /// The letter `kind` about `request` in `language`, dated the day of `now` in the controller's
    /// calendar; `folded: false` keeps each item on one line, for a reader of the layout (the ODT export).
    /// - Parameters:
    ///   - kind: the letter.
    ///   - request: the request.
    ///   - register: holds its controller and the activities it names.
    ///   - now: the moment the letter is drafted at (its date, when the answer has none).
    ///   - language: the language of the letter.
    ///   - folded: whether lines are folded at the width of a page.
    public static func render(
        _ kind: Kind, of request: DataSubjectRequest, in register: Register, now: Date, language: Language, folded: Bool = true
    ) -> String {
        let view = LetterView(request: request, register: register, now: now, language: language)
        switch kind {
        case .acknowledgement:
            return Templates.render("request-acknowledgement", language.rawValue, view.acknowledgement, folded: folded)
        case .answer:
            return Templates.render("request-answer", language.rawValue, view.answer, folded: folded)
        }
    }
}

/// What the letters' templates see.
private struct LetterView {
    let request: DataSubjectRequest
    let register: Register
    let now: Date
    let language: Language

    func format(_ day: CalendarDate) -> String { Vocabulary.format(day, in: language) }

    /// What both letters say: who writes, to whom, about what.
    var common: [String: Any] {
        let controller = register.organisation(request.controller)
        var view: [String: Any] = [
            "id": request.id,
            "person": request.person,
            "controller": controller?.name ?? request.controller,
            "received": format(request.receipt.day),
            "rights": request.rights.map { "\($0.name[language]) (\($0.article))" },
            // A French organisation, or one whose country is not recorded (registre's own are French
            // public bodies): the CNIL is its supervisory authority.
            "cnil": (controller?.country ?? "FR").uppercased() == "FR",
        ]
        view["address"] = controller?.address
        view["dpo"] = controller?.dpo.map { [$0.name, $0.email, $0.phone].compactMap { $0 }.joined(separator: ", ") }
        return view
    }

    var acknowledgement: [String: Any] {
        let clock = RequestClock(request, in: register)
        var view = common
        view["today"] = format(clock.calculator.day(of: now))
        view["due"] = clock.dueDay.map(format)
        if clock.extensionHolds, let extended = request.extended { view["extended"] = ["reason": extended.reason] as [String: Any] }
        if let identity = request.identity {
            var asked: [String: Any] = ["asked": format(identity.asked)]
            asked["doubt"] = identity.doubt
            asked["identityReceived"] = identity.received.map(format)
            view["identity"] = asked
        }
        return view
    }

    var answer: [String: Any] {
        var view = common
        let calendar = DeadlineCalculator.for(request.controller, in: register)
        view["today"] = format(request.answer?.sent ?? calendar.day(of: now))
        let outcome = request.answer?.outcome
        view["granted"] = outcome == .granted
        view["partly"] = outcome == .partly
        view["refused"] = outcome == .refused
        view["undecided"] = outcome == nil
        if let answer = request.answer, answer.withholds {
            var withholds: [String: Any] = ["shown": true]
            withholds["reason"] = answer.reason
            withholds["exception"] = answer.exception
            view["withholds"] = withholds
        }
        if request.rights.contains(.access), outcome != .refused {
            view["access"] = true
            view["processing"] = AccessAnswer(request, in: register).processing.map { self.processing($0) }
        }
        return view
    }

    /// One activity of the access answer, each item on one line.
    func processing(_ processing: AccessAnswer.Processing) -> [String: Any] {
        let words = language == .fr
            ? (none: "non renseigné au registre", noTransfer: "aucun transfert hors de l'Union européenne n'est enregistré")
            : (none: "not recorded in the register", noTransfer: "no transfer outside the European Union is recorded")
        func line(_ values: [String], empty: String) -> String { values.isEmpty ? empty : values.joined(separator: " ; ") }
        return [
            "name": processing.name,
            "purposes": line(processing.purposes, empty: words.none),
            "dataCategories": line(processing.dataCategories, empty: words.none),
            "recipients": line(processing.recipients, empty: words.none),
            "transfers": line(processing.transfers, empty: words.noTransfer),
            "retention": line(processing.retention.map { $0[language] }, empty: words.none),
            "rights": line(processing.rights.map { "\($0.name[language]) (\($0.article))" }, empty: words.none),
        ]
    }
}
