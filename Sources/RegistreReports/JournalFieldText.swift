import Foundation
public import RegistreCore

/// A journal field as people read it: its name as the printed register names the item, and its value —
/// stored as the canonical JSON of one property of the model — as text: instants as dates, lists as
/// lists, yes and no in words. Never a raw number where the register holds a date.
public enum JournalFieldText {
    /// The item's label, in the language asked, for the fields the printed register names; otherwise the
    /// property's name in words ("processorNotifiedController" → "processor notified controller").
    public static func label(_ name: String, language: Language) -> String {
        if let label = labels[name] { return label[language] }
        if name == "@position" { return LocalizedText(fr: "Rang dans le registre", en: "Place in the register")[language] }
        var words = ""
        for character in name {
            if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words
    }

    /// The value as text; nil for an absent value.
    public static func value(_ json: String?, field name: String, language: Language) -> String? {
        guard let json else { return nil }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return json }
        return describe(value, key: name, language: language)
    }

    /// The properties whose numbers are instants (Foundation's seconds since 2001, as the model encodes
    /// its dates).
    static let instantKeys: Set<String> = [
        "at", "aware", "detected", "occurredFrom", "occurredTo", "processorNotifiedController", "deadline", "due",
        "effectiveAt", "recordedAt", "received", "effective",
    ]

    /// A JSON value, as the journal stores a field.
    private enum JSONValue: Decodable {
        case null, bool(Bool), number(Double), string(String), list([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .list(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }
    }

    private static func describe(_ value: JSONValue, key: String, language: Language) -> String {
        switch value {
        case .null:
            return LocalizedText(fr: "(vide)", en: "(empty)")[language]
        case .bool(let flag):
            return flag ? LocalizedText(fr: "oui", en: "yes")[language] : LocalizedText(fr: "non", en: "no")[language]
        case .number(let number):
            if instantKeys.contains(key), number.isFinite, abs(number) < 1e11 {
                return instant(Date(timeIntervalSinceReferenceDate: number))
            }
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .string(let text):
            return text
        case .list(let list):
            if list.isEmpty { return LocalizedText(fr: "(aucun)", en: "(none)")[language] }
            return list.map { describe($0, key: key, language: language) }.joined(separator: " ; ")
        case .object(let dictionary):
            // A length of time ({unit, value}) reads as the reports word it: "24 mois", "1 an".
            if dictionary.count == 2, case .string(let name)? = dictionary["unit"], let unit = PeriodLength.Unit(rawValue: name),
               case .number(let count)? = dictionary["value"], count.isFinite, count == count.rounded(), abs(count) < 1e9 {
                return PeriodWords.describe(DeadlinePeriod(Int(count), unit))[language]
            }
            return "{" + dictionary.keys.sorted().map { name in
                "\(label(name, language: language)) : \(dictionary[name].map { describe($0, key: name, language: language) } ?? "")"
            }.joined(separator: ", ") + "}"
        }
    }

    /// "2026-03-27 15:30:00 UTC": the journal's instants are absolute.
    static func instant(_ date: Date) -> String {
        Instant.utcSeconds(date)
    }

    /// The items as the printed register and the breach report name them.
    static let labels: [String: LocalizedText] = [
        "title": LocalizedText(fr: "Titre", en: "Title"),
        "name": LocalizedText(fr: "Nom", en: "Name"),
        "status": LocalizedText(fr: "Statut", en: "Status"),
        "created": LocalizedText(fr: "Date de création", en: "Created"),
        "lastReviewed": LocalizedText(fr: "Dernière mise à jour", en: "Last reviewed"),
        "controller": LocalizedText(fr: "Responsable du traitement", en: "Controller"),
        "jointControllers": LocalizedText(fr: "Responsables conjoints", en: "Joint controllers"),
        "application": LocalizedText(fr: "Logiciel ou application", en: "Software or application"),
        "purposes": LocalizedText(fr: "Finalités", en: "Purposes"),
        "legalBases": LocalizedText(fr: "Base légale", en: "Legal basis"),
        "specialCategories": LocalizedText(fr: "Données sensibles", en: "Special categories of data"),
        "criminalOffenceData": LocalizedText(fr: "Données d'infraction", en: "Criminal offence data"),
        "dataSubjects": LocalizedText(fr: "Catégories de personnes concernées", en: "Categories of data subjects"),
        "dataCategories": LocalizedText(fr: "Catégories de données personnelles", en: "Categories of personal data"),
        "recipients": LocalizedText(fr: "Catégories de destinataires", en: "Categories of recipients"),
        "transfers": LocalizedText(fr: "Transferts hors de l'Union européenne", en: "Transfers outside the EU"),
        "retention": LocalizedText(fr: "Durées de conservation", en: "Retention periods"),
        "securityMeasures": LocalizedText(fr: "Mesures de sécurité", en: "Security measures"),
        "processors": LocalizedText(fr: "Sous-traitants", en: "Processors"),
        "impactAssessment": LocalizedText(fr: "Analyse d'impact", en: "Impact assessment"),
        "identifiers": LocalizedText(fr: "Identifiants", en: "Identifiers"),
        "address": LocalizedText(fr: "Adresse", en: "Address"),
        "country": LocalizedText(fr: "Pays", en: "Country"),
        "email": LocalizedText(fr: "Courriel", en: "E-mail"),
        "phone": LocalizedText(fr: "Téléphone", en: "Phone"),
        "timeZone": LocalizedText(fr: "Fuseau horaire", en: "Time zone"),
        "legalRepresentative": LocalizedText(fr: "Représentant légal", en: "Legal representative"),
        "euRepresentative": LocalizedText(fr: "Représentant dans l'UE", en: "EU representative"),
        "dpo": LocalizedText(fr: "Délégué à la protection des données", en: "Data protection officer"),
        "members": LocalizedText(fr: "Membres", en: "Members"),
        "isPublicBody": LocalizedText(fr: "Organisme public", en: "Public body"),
        "aware": LocalizedText(fr: "Prise de connaissance", en: "Became aware"),
        "detected": LocalizedText(fr: "Détection", en: "Detected"),
        "occurredFrom": LocalizedText(fr: "Début de la violation", en: "Breach started"),
        "occurredTo": LocalizedText(fr: "Fin de la violation", en: "Breach ended"),
        "processorNotifiedController": LocalizedText(fr: "Information par le sous-traitant", en: "Processor told the controller"),
        "nature": LocalizedText(fr: "Nature", en: "Nature"),
        "description": LocalizedText(fr: "Description", en: "Description"),
        "dataSubjectCategories": LocalizedText(fr: "Catégories de personnes concernées", en: "Categories of data subjects"),
        "subjects": LocalizedText(fr: "Nombre de personnes concernées", en: "Number of people"),
        "records": LocalizedText(fr: "Nombre d'enregistrements", en: "Number of records"),
        "contact": LocalizedText(fr: "Point de contact", en: "Contact point"),
        "likelyConsequences": LocalizedText(fr: "Conséquences probables", en: "Likely consequences"),
        "measures": LocalizedText(fr: "Mesures prises ou envisagées", en: "Measures taken or proposed"),
        "activities": LocalizedText(fr: "Traitements concernés", en: "Processing activities concerned"),
        "assessment": LocalizedText(fr: "Évaluation du risque", en: "Risk assessment"),
        "notifications": LocalizedText(fr: "Notifications à l'autorité", en: "Notifications to the authority"),
        "delayReasons": LocalizedText(fr: "Motifs du retard", en: "Reasons for the delay"),
        "communication": LocalizedText(fr: "Communication aux personnes", en: "Communication to the data subjects"),
        "agreement": LocalizedText(fr: "Accord de sous-traitance", en: "Processing agreement"),
        "requester": LocalizedText(fr: "Demandeur", en: "Requester"),
        "auditee": LocalizedText(fr: "Audité", en: "Auditee"),
        "scope": LocalizedText(fr: "Périmètre", en: "Scope"),
        "auditor": LocalizedText(fr: "Auditeur", en: "Auditor"),
        "notified": LocalizedText(fr: "Date de notification", en: "Notified"),
        "plannedStart": LocalizedText(fr: "Début prévu", en: "Planned start"),
        "kickoffMeeting": LocalizedText(fr: "Réunion de lancement", en: "Kickoff meeting"),
        "closingMeeting": LocalizedText(fr: "Réunion de clôture", en: "Closing meeting"),
        "reportShared": LocalizedText(fr: "Rapport transmis", en: "Report shared"),
        "at": LocalizedText(fr: "Date", en: "At"),
        "kind": LocalizedText(fr: "Type", en: "Kind"),
        "reference": LocalizedText(fr: "Référence", en: "Reference"),
        "complete": LocalizedText(fr: "Complète", en: "Complete"),
    ]
}
