import Foundation
import RegistreCore
import RegistreReports
import RegistreTestSupport
import Testing

/// The Art. 28 part of the printed register (issue 14): each agreement with its parties, clauses, periods,
/// sub-processors, change notices, dated obligations and audits, in labels.
@Suite("The printed register's Art. 28 part")
struct AgreementPrintTests {
    static var register: Register {
        var register = CompleteRegister.with(agreement: {
            $0.terms = [ContractTerm(.auditFrequency, period: DeadlinePeriod(12, .months), clause: "Annexe 2, art. 5", exceptions: [.afterBreach])]
            $0.subProcessors[0].authorisedSince = CalendarDate(year: 2026, month: 1, day: 2)
            $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                   noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .accepted,
                                                   applied: CalendarDate(year: 2026, month: 4, day: 1))]
        })
        register.organisations.append(Organisation(id: "autre", name: "Autre commune", address: "Florac"))
        register.agreements.append(DataProcessingAgreement(id: "dpa-autre", title: "Accord de la commune de Florac", controllers: ["autre"], processor: "anct"))
        return register
    }

    @Test("French: parties, clauses with article and label, periods with their counting, sub-processors, notices, obligations, audits")
    func french() {
        let text = RegisterTextReport.render(Self.register, language: .fr).unfolded
        for line in [
            "ACCORDS DE SOUS-TRAITANCE", "ACCORD DE SOUS-TRAITANCE : Accord de sous-traitance",
            "Responsables du traitement : Commune de Mende", "Sous-traitant           : ANCT",
            "Signature               : 2 janvier 2026", "Terme                   : 31 décembre 2028",
            "- Art. 28(3)(a), instructions documentées : Art. 28-3-a",
            "- Art. 28(3)(h), informations et audits, inspections comprises : Art. 28-3-h",
            "- délai minimal entre deux audits : 12 mois (règlement 1182/71, fin reportée au jour ouvré suivant) — Annexe 2, art. 5 — sauf : après une violation",
            "- Hébergeur SecNumCloud — Hébergement — recruté par ANCT — lieux : France — autorisé depuis le 2 janvier 2026 — SecNumCloud",
            "- ajout-sms : ajout, Hébergeur SecNumCloud — notifié le 2 mars 2026 — issue : accepté — appliqué le 1er avril 2026",
            "- Préavis de résiliation — 3 mois avant le terme (31 décembre 2028)",
            "- audit — demandé par Commune de Mende — notifié le 10 janvier 2026 — début prévu le 9 février 2026",
            "ACCORD DE SOUS-TRAITANCE : Accord de la commune de Florac", "Signature               : non renseignée",
        ] {
            #expect(text.contains(line), "missing: \(line)")
        }
        #expect(!text.contains("28-3-a,") && !text.contains("accepted") && !text.contains("lieux : FR"))
    }

    @Test("English speaks English")
    func english() {
        let text = RegisterTextReport.render(Self.register, language: .en).unfolded
        #expect(text.contains("DATA-PROCESSING AGREEMENTS"))
        #expect(text.contains("- Art. 28(3)(a), documented instructions: Art. 28-3-a"))
        #expect(text.contains("addition, Hébergeur SecNumCloud — notified on"))
        #expect(text.contains("outcome: accepted"))
        #expect(text.contains("locations: France"))
        #expect(!text.contains("non renseign"))
    }

    @Test("one controller's extract keeps only its agreements; a register without agreements prints no Art. 28 part")
    func extract() {
        let mende = RegisterTextReport.render(Self.register.restricted(to: "commune"), language: .fr)
        #expect(mende.contains("Accord de sous-traitance"))
        #expect(!mende.contains("Florac"))
        var none = Self.register
        none.agreements = []
        #expect(!RegisterTextReport.render(none, language: .fr).contains("ACCORDS DE SOUS-TRAITANCE"))
    }
}
