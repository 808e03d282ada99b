import Foundation
import RegistreCore

/// The breach page's facts form: what the decision weighs (EDPB Guidelines 9/2022 §IV.B) — encryption
/// and its key (or salted hashes), backup and restoration with the outage's impact, exfiltration and its
/// evidence, the recipients and their trust, vulnerable people, special categories, criminal data, harm
/// already seen — with the breach's timeline (Art. 33(5)) and the activities it concerns; every fact
/// `registre breach update` takes, held to the same rules.
///
/// A choice left empty is "not recorded", which is not "none": the decision reads the two differently.
/// For the lists, the box "none" records that none was found. A fact that needs another (a key without
/// encryption, evidence without a finding) is refused as `breach update` refuses it.
struct BreachFactsForm: Decodable {
    var occurredFrom: String?
    var occurredTo: String?
    var detected: String?
    var processorNotified: String?
    var agreement: String?
    var activities: [String]?
    var encryption: String?
    var encryptionForm: String?
    var keyCompromised: String?
    var backup: String?
    var hoursToRestore: String?
    var dataLost: String?
    var outageImpact: String?
    var exfiltration: String?
    var evidence: String?
    var usableForPhishing: String?
    var recipientsTrust: String?
    var recipients: String?
    var recipientsBound: String?
    var recipientsReturned: String?
    var recipientsIdentified: String?
    var vulnerable: [String]?
    var specialCategories: [String]?
    var criminalData: String?
    var harm: [String]?

    typealias Refusal = FormRefusal<Breach?>

    /// What the form reads against: the controller's time zone, the agreements the breach may name (its
    /// controller's), and the activities it may name (those its controller records).
    struct Context {
        var zone: TimeZone
        var agreements: Set<EntityID>
        var activities: Set<EntityID>
    }

    /// `original` with the facts of the form, or the fields refused (with the breach as typed).
    func breach(updating original: Breach, in context: Context) -> Result<Breach, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var breach = original
        readTimeline(into: &breach, from: original, context, &errors)
        readEncryption(into: &breach, &errors)
        readRestoration(into: &breach, &errors)
        readExfiltration(into: &breach, from: original, &errors)
        readDisclosure(into: &breach, from: original, &errors)
        breach.vulnerableGroups = Self.list(vulnerable, stored: original.vulnerableGroups, "vulnerable", Self.vulnerableWhat, &errors)
        breach.specialCategories = Self.list(specialCategories, stored: original.specialCategories, "specialCategories", Self.specialWhat, &errors)
        breach.criminalOffenceData = Self.answer(criminalData, "criminalData", &errors) ?? nil
        breach.observedConsequences = Self.list(harm, stored: original.observedConsequences, "harm", Self.harmWhat, &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: breach)) }
        return .success(breach)
    }

    // MARK: The timeline and what the breach names

    private func readTimeline(into breach: inout Breach, from original: Breach, _ context: Context, _ errors: inout [String: LocalizedText]) {
        breach.occurredFrom = Self.moment(occurredFrom, stored: original.occurredFrom, "occurredFrom", Self.occurredFromWhat, context.zone, &errors)
        breach.occurredTo = Self.moment(occurredTo, stored: original.occurredTo, "occurredTo", Self.occurredToWhat, context.zone, &errors)
        breach.detected = Self.moment(detected, stored: original.detected, "detected", Self.detectedWhat, context.zone, &errors)
        breach.processorNotifiedController = Self.moment(
            processorNotified, stored: original.processorNotifiedController, "processorNotified", Self.processorNotifiedWhat, context.zone, &errors)
        let chosen = FormText.optional(agreement)
        if let chosen, chosen != original.agreement, !context.agreements.contains(chosen) {
            errors["agreement"] = LocalizedText(
                fr: "Accord de sous-traitance : choisir un accord du responsable du traitement (art. 33(2)).",
                en: "Processing agreement: choose an agreement of the controller (Art. 33(2)).")
        }
        breach.agreement = chosen
        let ticked = (activities ?? []).map(FormText.clean).filter { !$0.isEmpty }
        let unknown = ticked.filter { !original.activities.contains($0) && !context.activities.contains($0) }
        if !unknown.isEmpty {
            errors["activities"] = LocalizedText(
                fr: "Traitements concernés : « \(unknown.joined(separator: "», «")) » n'est pas un traitement du responsable du traitement.",
                en: "Activities concerned: '\(unknown.joined(separator: "', '"))' is not an activity of the controller.")
        }
        // An activity named that the controller does not record is no choice of the form (the page does not
        // show it as one, and says only "another organisation's" when the account may not read it): kept.
        breach.activities = Shown.ticked(
            ticked, stored: original.activities, key: { $0 }, keepsUnticked: { !context.activities.contains($0) }, make: { $0 })
    }

    /// A moment of the timeline: the stored one when sent back as shown (the input shows minutes, the
    /// register may hold seconds), none when emptied, else the wall-clock time typed, read in `zone`.
    private static func moment(
        _ text: String?, stored: Date?, _ field: String, _ what: LocalizedText, _ zone: TimeZone, _ errors: inout [String: LocalizedText]
    ) -> Date? {
        if Shown.same(text, stored.map { Desk.localInput($0, in: zone) }) { return stored }
        let text = FormText.clean(text)
        guard !text.isEmpty else { return nil }
        guard let moment = BreachDeclaration.localMoment(text, in: zone) else {
            errors[field] = LocalizedText(
                fr: "\(what.fr) : date et heure attendues, par exemple 2026-03-27T09:30 (reçu : « \(text) »).",
                en: "\(what.en): a date and time is expected, for example 2026-03-27T09:30 (received: '\(text)').")
            return stored
        }
        return moment
    }

    // MARK: The facts

    private func readEncryption(into breach: inout Breach, _ errors: inout [String: LocalizedText]) {
        let strength: Encryption.Strength? = Self.choice(encryption, "encryption", Self.encryptionWhat, &errors)
        let form: Encryption.Form? = Self.choice(encryptionForm, "encryptionForm", Self.encryptionFormWhat, &errors)
        let key = Self.answer(keyCompromised, "keyCompromised", &errors)
        guard let strength else {
            if form != nil || key != nil {
                errors["encryption"] = LocalizedText(
                    fr: "Chiffrement : la forme et le sort de la clé vont avec un chiffrement ; choisir aussi le chiffrement.",
                    en: "Encryption: the form and the fate of the key go with an encryption; choose the encryption too.")
            }
            breach.encryption = nil
            return
        }
        breach.encryption = Encryption(strength, keyCompromised: key ?? nil, form: form)
    }

    private func readRestoration(into breach: inout Breach, _ errors: inout [String: LocalizedText]) {
        let available = Self.answer(backup, "backup", &errors)
        let lost = Self.answer(dataLost, "dataLost", &errors)
        let impact: Restoration.OutageImpact? = Self.choice(outageImpact, "outageImpact", Self.outageImpactWhat, &errors)
        let hoursText = FormText.clean(hoursToRestore)
        var hours: Int?
        if !hoursText.isEmpty {
            hours = Int(hoursText)
            if hours.map({ $0 < 0 }) ?? true {
                errors["hoursToRestore"] = LocalizedText(
                    fr: "Durée d'indisponibilité : un nombre d'heures ≥ 0 est attendu (reçu : « \(hoursText) »).",
                    en: "Hours unavailable: a number of hours ≥ 0 is expected (received: '\(hoursText)').")
                hours = nil
            }
        }
        if case .some(nil) = available {
            errors["backup"] = LocalizedText(fr: "Sauvegarde : répondre oui ou non.", en: "Backup: answer yes or no.")
        }
        guard case let available?? = available else {
            if hours != nil || lost != nil || impact != nil {
                errors["backup"] = LocalizedText(
                    fr: "Sauvegarde : la durée, la perte et l'impact vont avec une sauvegarde ; répondre oui ou non.",
                    en: "Backup: the hours, the loss and the impact go with a backup; answer yes or no.")
            }
            breach.restoration = nil
            return
        }
        breach.restoration = Restoration(backupAvailable: available, hoursToRestore: hours, dataLost: lost ?? nil, impact: impact)
    }

    private func readExfiltration(into breach: inout Breach, from original: Breach, _ errors: inout [String: LocalizedText]) {
        let finding: Exfiltration.Finding? = Self.choice(exfiltration, "exfiltration", Self.exfiltrationWhat, &errors)
        let phishing = Self.answer(usableForPhishing, "usableForPhishing", &errors)
        let evidence = Shown.optional(evidence, stored: original.exfiltration?.evidence, area: true)
        guard let finding else {
            if phishing != nil || evidence != nil {
                errors["exfiltration"] = LocalizedText(
                    fr: "Exfiltration : la preuve et l'usage pour l'hameçonnage vont avec un constat ; choisir aussi le constat.",
                    en: "Exfiltration: the evidence and the use for phishing go with a finding; choose the finding too.")
            }
            breach.exfiltration = nil
            return
        }
        breach.exfiltration = Exfiltration(finding, evidence: evidence, usableForPhishing: phishing ?? nil)
    }

    private func readDisclosure(into breach: inout Breach, from original: Breach, _ errors: inout [String: LocalizedText]) {
        let trust: Disclosure.Trust? = Self.choice(recipientsTrust, "recipientsTrust", Self.trustWhat, &errors)
        let bound = Self.answer(recipientsBound, "recipientsBound", &errors)
        let returned = Self.answer(recipientsReturned, "recipientsReturned", &errors)
        let identified = Self.answer(recipientsIdentified, "recipientsIdentified", &errors)
        let who = Shown.optional(recipients, stored: original.disclosure?.recipients, area: true)
        guard let trust else {
            if who != nil || bound != nil || returned != nil || identified != nil {
                errors["recipientsTrust"] = LocalizedText(
                    fr: "Destinataires : ce qu'on sait d'eux va avec leur degré de confiance ; le choisir aussi.",
                    en: "Recipients: what is known of them goes with their trust; choose it too.")
            }
            breach.disclosure = nil
            return
        }
        breach.disclosure = Disclosure(
            trust, recipients: who, boundToConfidentiality: bound ?? nil, returnedOrDeleted: returned ?? nil, identified: identified ?? nil)
    }

    // MARK: Reading one field

    /// A code from a list, or nil for "not recorded"; a code outside the list is refused at `field`.
    private static func choice<Value: RawRepresentable>(
        _ text: String?, _ field: String, _ what: LocalizedText, _ errors: inout [String: LocalizedText]
    ) -> Value? where Value.RawValue == String {
        let text = FormText.clean(text)
        guard !text.isEmpty else { return nil }
        guard let value = Value(rawValue: text) else {
            errors[field] = LocalizedText(fr: "\(what.fr) : choisir dans la liste.", en: "\(what.en): choose from the list.")
            return nil
        }
        return value
    }

    /// A yes/no/unknown answer: nil when not answered (empty), `.some(nil)` for "unknown".
    private static func answer(_ text: String?, _ field: String, _ errors: inout [String: LocalizedText]) -> Bool?? {
        switch FormText.clean(text) {
        case "": return nil
        case "yes": return .some(true)
        case "no": return .some(false)
        case "unknown": return .some(nil)
        default:
            errors[field] = LocalizedText(fr: "Réponse attendue : oui, non ou inconnu.", en: "Expected answer: yes, no or unknown.")
            return nil
        }
    }

    /// A list of codes ticked: no box is "not recorded", the box `none` alone is "none found"; the stored
    /// items still ticked keep their order.
    private static func list<Value: RawRepresentable & CaseIterable & Hashable>(
        _ posted: [String]?, stored: [Value]?, _ field: String, _ what: LocalizedText, _ errors: inout [String: LocalizedText]
    ) -> [Value]? where Value.RawValue == String {
        let codes = (posted ?? []).map(FormText.clean).filter { !$0.isEmpty }
        guard !codes.isEmpty else { return nil }
        if codes.contains("none") {
            if codes.count > 1 {
                errors[field] = LocalizedText(
                    fr: "\(what.fr) : « aucun » ne va pas avec d'autres cases.", en: "\(what.en): 'none' does not go with other boxes.")
            }
            return []
        }
        let values = codes.compactMap(Value.init(rawValue:))
        guard values.count == codes.count else {
            errors[field] = LocalizedText(fr: "\(what.fr) : choisir dans la liste.", en: "\(what.en): choose from the list.")
            return stored
        }
        return Shown.ticked(values, stored: stored ?? [], key: { $0 }, make: { $0 })
    }

    // MARK: What each field is called in its messages

    static let occurredFromWhat = LocalizedText(fr: "Début de la violation", en: "Breach began")
    static let occurredToWhat = LocalizedText(fr: "Fin de la violation", en: "Breach ended")
    static let detectedWhat = LocalizedText(fr: "Détectée le", en: "Detected on")
    static let processorNotifiedWhat = LocalizedText(fr: "Signalée par le sous-traitant le (art. 33(2))", en: "Processor told the controller on (Art. 33(2))")
    static let encryptionWhat = LocalizedText(fr: "Chiffrement", en: "Encryption")
    static let encryptionFormWhat = LocalizedText(fr: "Forme de la protection", en: "Form of the protection")
    static let outageImpactWhat = LocalizedText(fr: "Conséquences de l'indisponibilité", en: "Consequences of the unavailability")
    static let exfiltrationWhat = LocalizedText(fr: "Exfiltration", en: "Exfiltration")
    static let trustWhat = LocalizedText(fr: "Confiance dans les destinataires", en: "Trust in the recipients")
    static let vulnerableWhat = LocalizedText(fr: "Personnes vulnérables", en: "Vulnerable people")
    static let specialWhat = LocalizedText(fr: "Catégories particulières (art. 9)", en: "Special categories (Art. 9)")
    static let harmWhat = LocalizedText(fr: "Préjudices constatés", en: "Harm already seen")
}
