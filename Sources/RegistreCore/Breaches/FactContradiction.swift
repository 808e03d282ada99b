/// Two recorded facts of a breach that cannot both be true. Until the DPO resolves them, the decision
/// takes the less favourable one (in doubt, notify: EDPB Guidelines 9/2022, §II.D), and the check says
/// so (`BREACH-FACTS-CONTRADICT`).
public struct FactContradiction: Hashable, Sendable {
    /// The fact that would lower the risk, in words.
    public var favourable: LocalizedText
    /// The fact that contradicts it, which the decision keeps.
    public var kept: LocalizedText

    /// The contradictions among `breach`'s facts, each once.
    public static func all(in breach: Breach) -> [FactContradiction] {
        var found: [FactContradiction] = []
        if breach.exfiltration?.finding == .excluded {
            // Recipients who gave the data back (a letter returned unopened) no longer hold them.
            switch breach.disclosure?.returnedOrDeleted == true ? nil : breach.disclosure?.trust {
            case .intentionsUnknown?, .hostile?:
                found.append(FactContradiction(
                    favourable: LocalizedText(fr: "exfiltration exclue", en: "exfiltration excluded"),
                    kept: LocalizedText(
                        fr: "des destinataires \(breach.disclosure?.trust == .hostile ? "malveillants" : "aux intentions inconnues") détiennent les données",
                        en: "\(breach.disclosure?.trust == .hostile ? "hostile recipients" : "recipients whose intentions are unknown") hold the data")))
            default: break
            }
            if breach.assessment?.confidentiality == .unknownRecipients {
                found.append(FactContradiction(
                    favourable: LocalizedText(fr: "exfiltration exclue", en: "exfiltration excluded"),
                    kept: LocalizedText(
                        fr: "l'évaluation dit les données parvenues à des destinataires inconnus (confidentiality-loss unknown-recipients)",
                        en: "the assessment says the data reached unknown recipients (confidentiality-loss unknown-recipients)")))
            }
        }
        if breach.exfiltration?.finding == .confirmed, breach.assessment?.confidentiality == .noEvidenceOfAccess {
            found.append(FactContradiction(
                favourable: LocalizedText(
                    fr: "l'évaluation dit qu'aucun accès n'est établi (confidentiality-loss no-evidence-of-access)",
                    en: "the assessment says no access is shown (confidentiality-loss no-evidence-of-access)"),
                kept: LocalizedText(fr: "exfiltration avérée", en: "exfiltration confirmed")))
        }
        if breach.restoration?.dataLost == false, breach.assessment?.availability == .permanent {
            found.append(FactContradiction(
                favourable: LocalizedText(fr: "aucune donnée perdue (restoration data-lost=false)", en: "no data lost (restoration data-lost=false)"),
                kept: LocalizedText(
                    fr: "l'évaluation dit les données définitivement indisponibles (availability-loss permanent)",
                    en: "the assessment says the data are permanently unavailable (availability-loss permanent)")))
        }
        if breach.disclosure?.trust == .trusted, breach.exfiltration?.finding == .confirmed {
            found.append(FactContradiction(
                favourable: LocalizedText(fr: "données reçues par un destinataire de confiance", en: "data received by a trusted recipient"),
                kept: LocalizedText(fr: "exfiltration avérée", en: "exfiltration confirmed")))
        }
        return found
    }

    /// `breach` with each contradicted favourable fact set aside: what the decision weighs.
    static func lessFavourable(_ breach: Breach) -> Breach {
        var resolved = breach
        if breach.exfiltration?.finding == .excluded,
           breach.disclosure.map({ $0.trust != .trusted && $0.returnedOrDeleted != true }) == true
            || breach.assessment?.confidentiality == .unknownRecipients {
            resolved.exfiltration?.finding = .possible
        }
        if breach.restoration?.dataLost == false, breach.assessment?.availability == .permanent {
            resolved.restoration?.dataLost = true
        }
        if breach.disclosure?.trust == .trusted, breach.exfiltration?.finding == .confirmed {
            resolved.disclosure?.trust = .intentionsUnknown
        }
        return resolved
    }

    /// The contradiction as the decision and the check say it.
    public var words: LocalizedText {
        LocalizedText(
            fr: "« \(favourable.fr) » et « \(kept.fr) » ne peuvent être vrais ensemble : la décision retient le moins favorable (« \(kept.fr) ») tant que le DPO ne l'a pas résolu",
            en: "'\(favourable.en)' and '\(kept.en)' cannot both be true: the decision takes the less favourable ('\(kept.en)') until the DPO resolves it")
    }
}
