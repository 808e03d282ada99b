import Foundation
import RegistreCore
import RegistreReports

/// The view of an agreement's page (Art. 28): its parties, each clause of Art. 28(2)–(4) with its code,
/// its label, where the contract says it and the findings of `check` beside it, the sub-processors, the
/// change notices with the objection deadline the library computes, and the audits under it.
struct AgreementPage {
    var agreement: DataProcessingAgreement
    let register: Register
    let policy: AccessPolicy
    let language: Language
    let now: Date
    var errors: [String: LocalizedText] = [:]

    /// The findings of `check` about this agreement, checked with its parties and its audits only: the
    /// agreement's rules never look at another agreement.
    var findings: [Finding] {
        let alone = Register(
            organisations: register.organisations, agreements: [agreement],
            audits: register.audits.filter { $0.agreement == agreement.id })
        return RegisterCheck.findings(in: alone, now: now).filter { $0.subject == Finding.Subject(.agreement, agreement.id) }
    }

    /// The clause a finding is shown beside (`ART28-3-A-…` beside Art. 28(3)(a)), or nil for the top.
    static func clause(of finding: Finding) -> AgreementClause.Kind? {
        AgreementClause.Kind.allCases.first { finding.code.rawValue.hasPrefix("ART" + $0.rawValue.uppercased() + "-") }
    }

    func name(_ id: EntityID) -> String { register.organisation(id)?.name ?? id }

    /// The organisations a change notice may name as the new sub-processor: those the agreement's notices
    /// already name, and those the account may read (an organisation it may not see is not offered); never
    /// the processor itself, a controller of the agreement, nor a sub-processor already authorised.
    var candidates: [Organisation] {
        let named = Set(agreement.changeNotices.map(\.subProcessor))
        let excluded = Set([agreement.processor] + agreement.controllers + agreement.subProcessors.map(\.organisation))
        return register.organisations.filter { !excluded.contains($0.id) && (named.contains($0.id) || policy.mayRead(organisation: $0.id)) }
    }

    var view: [String: Any] {
        let findings = findings
        let editable = policy.mayEdit(agreement)
        let clauses = AgreementClause.Kind.allCases.map { kind -> [String: Any] in
            let clause = agreement.clause(kind)
            return [
                "code": kind.rawValue, "article": kind.article, "label": Wording.text("clause-" + kind.rawValue, language),
                "reference": clause?.reference ?? "", "summary": clause?.summary ?? "", "present": clause != nil,
                "findings": findings.filter { Self.clause(of: $0) == kind }.map { ActivityPage.row($0, language) },
            ]
        }
        let changes = agreement.changeNotices.map { change -> [String: Any] in
            [
                "id": change.id,
                "kind": Wording.text("change-" + change.kind.rawValue, language),
                "subProcessor": name(change.subProcessor),
                // Nothing replaced, nothing printed: no "(Remplace )".
                "replaces": change.replaces.map { name($0) as Any } ?? false,
                "received": Vocabulary.format(change.noticeDate, in: language),
                "effective": change.applied.map { Vocabulary.format($0, in: language) } ?? "",
                "objectionDeadline": agreement.objectionDeadline(for: change, in: register).map { Vocabulary.format($0, in: language) }
                    ?? Wording.text("noObjectionPeriod", language),
                "outcome": Wording.text("outcome-" + change.outcome.rawValue, language),
                "shownOutcome": change.outcome.rawValue,
                "outcomes": SubProcessorChange.Outcome.allCases.map { outcome -> [String: Any] in
                    ["value": outcome.rawValue, "label": Wording.text("outcome-" + outcome.rawValue, language), "selected": outcome == change.outcome]
                },
                "editable": editable,
            ]
        }
        let audits = register.audits.filter { $0.agreement == agreement.id && policy.mayRead($0) }.map { audit -> [String: Any] in
            ["id": audit.id, "requester": name(audit.requester), "start": Vocabulary.format(audit.plannedStart, in: language)]
        }
        let authorisation = agreement.subProcessorAuthorisation.map { authorisation -> [String: Any] in
            [
                "kind": Wording.text("authorisation-" + authorisation.kind.rawValue, language),
                "notice": authorisation.noticePeriod.map { PeriodWords.describe($0)[language] } ?? "",
                "objection": authorisation.objectionPeriod.map { PeriodWords.describe($0)[language] } ?? "",
            ]
        }
        return [
            "agreement": [
                "id": agreement.id, "title": agreement.title, "processor": name(agreement.processor),
                "processorID": agreement.processor,
                "signed": agreement.signed.map { Vocabulary.format($0, in: language) } ?? "",
                "term": agreement.term.map { Vocabulary.format($0, in: language) } ?? "",
                "subjectMatter": agreement.subjectMatter ?? "",
                "auditNotice": agreement.auditTerms?.noticePeriod.map { PeriodWords.describe($0)[language] } ?? "",
            ],
            // A structure signs for its members: a controller the account may not see is not named.
            "controllers": agreement.controllers.filter(policy.mayRead(organisation:)).map { ["id": $0, "name": name($0)] },
            "clauses": clauses,
            "generalFindings": findings.filter { Self.clause(of: $0) == nil }.map { ActivityPage.row($0, language) },
            "findingCount": findings.count,
            "authorisation": authorisation as Any,
            "subProcessors": agreement.subProcessors.map { sub -> [String: Any] in
                [
                    "name": name(sub.organisation), "engagedBy": name(sub.engagedBy), "service": sub.service,
                    "countries": sub.countries.joined(separator: ", "), "certifications": sub.certifications.joined(separator: ", "),
                    "safeguard": sub.safeguard.map { Vocabulary.label($0)[language] } ?? "",
                    "since": sub.authorisedSince.map { Vocabulary.format($0, in: language) } ?? "",
                ]
            },
            "hasSubProcessors": !agreement.subProcessors.isEmpty,
            "changes": changes,
            "audits": audits,
            "editable": editable,
            "mayRequestAudit": agreement.controllers.contains(where: policy.mayEdit(organisation:)),
            "candidates": candidates.map { ["id": $0.id, "name": $0.name] },
            "current": agreement.subProcessors.map { ["id": $0.organisation, "name": name($0.organisation)] },
            "changeKinds": SubProcessorChange.Kind.allCases.map { ["value": $0.rawValue, "label": Wording.text("change-" + $0.rawValue, language)] },
            "errors": errors.mapValues { $0[language] },
            "hasErrors": !errors.isEmpty,
        ]
    }
}
