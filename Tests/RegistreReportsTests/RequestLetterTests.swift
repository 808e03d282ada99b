import Foundation
import RegistreCore
import RegistreReports
import RegistreTestSupport
import Testing

/// The letters about a request (issue 27): the acknowledgement of receipt with its due day by the clock
/// of Art. 12(3), and the answer, which lists for access exactly what the register says of the
/// activities the request names and nothing of another.
@Suite("The letters about a request of a person")
struct RequestLetterTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// 10 February 2025, 9:00 in Paris.
    static let now = DeadlineCalculator().start(of: day("2025-02-10")).addingTimeInterval(9 * 3600)

    static let etatCivil = ProcessingActivity(
        id: "etat-civil", name: "Tenue de l'état civil", controller: "mende", purposes: ["Tenue des registres d'état civil"],
        legalBases: [LegalBasis(.publicTask, reference: "Code civil, art. 34")],
        dataCategories: [Category("Identité"), Category("Filiation")],
        recipients: [Recipient("Procureur de la République", kind: .publicAuthority)],
        transfers: [Transfer(recipient: "Consulat", destination: .country("MA"), safeguard: .derogation)],
        retention: [RetentionPeriod(rule: .duration(PeriodLength(75, .years), from: "la clôture du registre"))])
    /// Mende's, not named by the request.
    static let cantine = ProcessingActivity(
        id: "cantine", name: "Cantine scolaire", controller: "mende", purposes: ["Facturation des repas"],
        dataCategories: [Category("Régime alimentaire")], recipients: [Recipient("Prestataire de restauration", kind: .processor)])
    /// Florac's, named by the request by mistake.
    static let paieFlorac = ProcessingActivity(
        id: "florac-paie", name: "Paie de Florac", controller: "florac", purposes: ["Paie des agents de Florac"],
        dataCategories: [Category("Salaire")], recipients: [Recipient("Trésorerie de Florac", kind: .publicAuthority)])

    static var register: Register {
        var register = Register(
            organisations: [
                Organisation(id: "mende", name: "Commune de Mende", isPublicBody: true, address: "Place Charles de Gaulle, 48000 Mende",
                             country: "FR", dpo: Contact(name: "Délégué mutualisé", email: "dpo@cdg48.fr")),
                Organisation(id: "florac", name: "Commune de Florac", isPublicBody: true, country: "FR"),
            ],
            activities: [etatCivil, cantine, paieFlorac])
        register.requests = [request()]
        return register
    }

    /// Received Friday 31 January 2025: the month ends on Friday 28 February.
    static func request(_ change: (inout DataSubjectRequest) -> Void = { _ in }) -> DataSubjectRequest {
        var request = DataSubjectRequest(
            id: "request-20250131-1", controller: "mende", person: "dossier 2025-014",
            receipt: RequestReceipt(day: day("2025-01-31"), channel: .letter), rights: [.access],
            activities: ["etat-civil", "florac-paie"])
        change(&request)
        return request
    }

    static func letter(_ kind: RequestLetter.Kind, _ request: DataSubjectRequest, _ language: Language) -> String {
        RequestLetter.render(kind, of: request, in: register, now: now, language: language)
    }

    /// The letter's words with its folds and alignment undone: a phrase reads the same wherever a line
    /// was folded.
    static func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test("the acknowledgement: receipt, rights, the due day by Art. 12(3), the DPO; golden", arguments: Language.allCases)
    func acknowledgement(language: Language) throws {
        let letter = Self.letter(.acknowledgement, Self.request(), language)
        try expectGolden(letter, "accuse-reception.\(language.rawValue).txt")
        let text = Self.flat(letter)
        #expect(text.contains(language == .fr ? "Date de réception : 31 janvier 2025" : "Received on : 31 January 2025"))
        #expect(text.contains(language == .fr ? "Réponse au plus tard le : 28 février 2025" : "Answer due by : 28 February 2025"))
        #expect(text.contains("dpo@cdg48.fr"))
        #expect(!text.contains(language == .fr ? "doutes raisonnables" : "reasonable doubts"))
    }

    @Test("the acknowledgement while identity is awaited: the question of Art. 12(6), no due day", arguments: Language.allCases)
    func awaitingIdentity(language: Language) {
        let request = Self.request { $0.identity = IdentityVerification(asked: Self.day("2025-02-03"), doubt: "signature différente") }
        let text = Self.flat(Self.letter(.acknowledgement, request, language))
        #expect(text.contains(language == .fr ? "délai suspendu" : "period suspended"))
        #expect(text.contains("signature différente"))
        #expect(text.contains(language == .fr ? "3 février 2025" : "3 February 2025"))
        #expect(!text.contains(language == .fr ? "28 février 2025" : "28 February 2025"))
    }

    @Test("an extension that holds moves the due day to the third month and says why", arguments: Language.allCases)
    func extended(language: Language) {
        let request = Self.request {
            $0.extended = RequestExtension(decided: Self.day("2025-02-10"), reason: "archives à rechercher", personTold: Self.day("2025-02-10"))
        }
        let text = Self.flat(Self.letter(.acknowledgement, request, language))
        #expect(text.contains("archives à rechercher"))
        #expect(text.contains(language == .fr ? "30 avril 2025" : "30 April 2025"))
    }

    @Test("the access answer lists exactly what the register says of the activity named, and nothing of another; golden",
          arguments: Language.allCases)
    func accessAnswer(language: Language) throws {
        let request = Self.request { $0.answer = RequestAnswer(sent: Self.day("2025-02-20"), outcome: .granted) }
        let letter = Self.letter(.answer, request, language)
        try expectGolden(letter, "reponse-acces.\(language.rawValue).txt")
        let text = Self.flat(letter)
        for expected in ["Tenue de l'état civil", "Tenue des registres d'état civil", "Identité ; Filiation", "Procureur de la République",
                         "Consulat, MA, Art. 49", language == .fr ? "75 ans à compter de la clôture du registre" : "75 years from la clôture du registre",
                         "Art. 21", "(CNIL, www.cnil.fr)"] {
            #expect(text.contains(expected), "\(expected)")
        }
        // Nothing of the activity the request does not name, nor of another controller's.
        for absent in ["Cantine", "Facturation", "Régime alimentaire", "Prestataire", "Florac", "Salaire", "Trésorerie"] {
            #expect(!text.contains(absent), "\(absent)")
        }
        #expect(!text.contains(language == .fr ? "Motif :" : "Reason :"))
        #expect(text.contains(language == .fr ? "Le 20 février 2025" : "20 February 2025"))
    }

    @Test("a refusal gives its reason, its exception and the remedies of Art. 12(4), and no Art. 15 content", arguments: Language.allCases)
    func refusal(language: Language) {
        let request = Self.request {
            $0.answer = RequestAnswer(sent: Self.day("2025-02-20"), outcome: .refused, reason: "demande répétitive", exception: "Art. 12(5)(b)", remediesGiven: true)
        }
        let text = Self.flat(Self.letter(.answer, request, language))
        #expect(text.contains("demande répétitive"))
        #expect(text.contains("Art. 12(5)(b)"))
        #expect(text.contains(language == .fr ? "article 12, paragraphe 4" : "Article 12(4)"))
        #expect(text.contains(language == .fr ? "recours juridictionnel" : "judicial remedy"))
        #expect(!text.contains("Tenue des registres d'état civil"))
    }

    @Test("an answer not recorded yet is a draft to complete; another right than access has no Art. 15 content")
    func undecidedAndOtherRights() {
        let undecided = Self.flat(Self.letter(.answer, Self.request(), .fr))
        #expect(undecided.contains("[À compléter. L'issue de la demande n'est pas encore enregistrée.]"))
        #expect(undecided.contains("Le 10 février 2025"))
        let erasure = Self.flat(Self.letter(.answer, Self.request { $0.rights = [.erasure] }, .en))
        #expect(erasure.contains("right to erasure (Art. 17)"))
        #expect(!erasure.contains("Article 15 GDPR"))
    }

    @Test("a hostile reference cannot forge a line of the letter")
    func hostileReference() {
        let request = Self.request { $0.person = "dossier\nObjet : faux\u{202E}" }
        let text = Self.letter(.acknowledgement, request, .fr)
        #expect(!text.contains("\nObjet : faux"))
        #expect(text.contains("\\u{202E}"))
    }
}
