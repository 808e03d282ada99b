import Foundation
public import RegistreCore

/// The register and its breach register in the W3C Data Privacy Vocabulary (DPV 2), as JSON-LD: the
/// activities as `dpv:Process` with their controller, joint controllers, processors, purposes, legal
/// bases (`eu-gdpr:A6-1-x`, `A9-2-x`), personal data (registre's category codes are DPV's `pd:` terms),
/// data subjects, recipients, retention, measures and transfers (`dpv:Transfer` with its country in
/// `loc:` and its mechanism in `eu-gdpr:`); the breaches as `eu-gdpr:DataBreachRecord`.
///
/// The context is inline: a reader expands the document without fetching anything. Written through
/// JSONSerialization with sorted keys, so the same register gives the same bytes.
public enum RegisterJSONLD {
    /// The prefixes of DPV and its extensions, inline.
    public static let context: [String: String] = [
        "dpv": "https://w3id.org/dpv#",
        "pd": "https://w3id.org/dpv/pd#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "registre": "urn:registre:",
    ]

    /// The JSON-LD document of `register`, in UTF-8.
    /// - Throws: an error of `JSONSerialization` if the graph cannot be written, which registre's values never cause.
    public static func bytes(of register: Register) throws -> [UInt8] {
        var graph: [[String: Any]] = []
        var registerNode: [String: Any] = [
            "@id": "registre:register", "@type": "dpv:RecordsOfActivities",
            "dct:hasPart": register.activities.map { ["@id": id(.activity, $0.id)] },
        ]
        registerNode["dct:title"] = register.title
        graph.append(registerNode)
        graph += register.organisations.map { organisation($0, in: register) }
        graph += register.activities.map { activity($0) }
        graph += register.breaches.map { breach($0) }
        let document: [String: Any] = ["@context": context, "@graph": graph]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Array(data) + [0x0A]
    }

    enum Kind: String { case organisation, activity, breach }

    static func id(_ kind: Kind, _ id: EntityID) -> String { "registre:\(kind.rawValue)/\(id)" }

    private static func described(_ type: String, _ text: String) -> [String: Any] {
        ["@type": type, "dct:description": text]
    }

    private static func date(_ day: CalendarDate) -> [String: Any] {
        ["@value": day.iso, "@type": "xsd:date"]
    }

    private static func dateTime(_ instant: Date) -> [String: Any] {
        ["@value": Instant.utc(instant), "@type": "xsd:dateTime"]
    }

    private static func contact(_ type: String, _ contact: Contact) -> [String: Any] {
        var node: [String: Any] = ["@type": type, "dpv:hasName": contact.name]
        node["dpv:hasContact"] = [contact.email, contact.phone, contact.address].compactMap { $0 }.nilIfEmpty
        return node
    }

    private static func organisation(_ organisation: Organisation, in register: Register) -> [String: Any] {
        var types = ["dpv:Organisation"]
        if register.activities.contains(where: { $0.isRecorded(by: organisation.id) }) { types.append("dpv:DataController") }
        if register.processorRecords.contains(where: { $0.processor == organisation.id })
            || register.activities.contains(where: { $0.processors.contains { $0.processor == organisation.id } })
        {
            types.append("dpv:DataProcessor")
        }
        var node: [String: Any] = ["@id": id(.organisation, organisation.id), "@type": types, "dpv:hasName": organisation.name]
        node["dpv:hasIdentifier"] = organisation.identifiers.map { "\($0.scheme) \($0.value)" }.nilIfEmpty
        node["dpv:hasAddress"] = organisation.address
        node["dpv:hasCountry"] = organisation.country.map { ["@id": "loc:\($0)"] }
        node["dpv:hasContact"] = [organisation.email, organisation.phone].compactMap { $0 }.nilIfEmpty
        node["dpv:hasDataProtectionOfficer"] = organisation.dpo.map { contact("dpv:DataProtectionOfficer", $0) }
        node["dpv:hasRepresentative"] = organisation.euRepresentative.map { contact("dpv:Representative", $0) }
        return node
    }

    private static func activity(_ activity: ProcessingActivity) -> [String: Any] {
        var node: [String: Any] = [
            "@id": id(.activity, activity.id), "@type": "dpv:Process", "dct:title": activity.name,
            "dct:identifier": activity.id,
            "dpv:hasDataController": ["@id": id(.organisation, activity.controller)],
            "dpv:hasPurpose": activity.purposes.map { described("dpv:Purpose", $0) },
            "dpv:hasLegalBasis": activity.legalBases.map { ["@id": "eu-gdpr:A\($0.basis.rawValue)"] }
                + activity.specialCategories.compactMap { $0.condition.map { ["@id": "eu-gdpr:A\($0.rawValue)"] } },
            "dpv:hasPersonalData": activity.dataCategories.map(personalData)
                + activity.specialCategories.map { described("dpv:SpecialCategoryPersonalData", $0.detail ?? $0.category.rawValue) }
                + (activity.criminalOffenceData.map { [described("dpv:SpecialCategoryPersonalData", $0.description)] } ?? []),
            "dpv:hasDataSubject": activity.dataSubjects.map { described("dpv:DataSubject", $0.label) },
            "dpv:hasRecipient": activity.recipients.map { described(recipientType($0.kind), $0.label) },
            "dpv:hasDataProcessor": activity.processors.map { ["@id": id(.organisation, $0.processor)] },
            "dpv:hasStorageCondition": activity.retention.map { described("dpv:StorageDuration", retention($0)) },
            "dpv:hasTechnicalOrganisationalMeasure": activity.securityMeasures.map { described(measureType($0.kind), $0.description) },
            "dpv:hasProcessing": activity.transfers.map(transfer),
        ]
        if !activity.jointControllers.isEmpty {
            node["dpv:hasJointDataControllers"] = [
                "@type": "dpv:JointDataControllers",
                "dpv:hasDataController": ([activity.controller] + activity.jointControllers.map(\.organisation)).map { ["@id": id(.organisation, $0)] },
            ]
        }
        node["dct:created"] = activity.created.map(date)
        node["dct:modified"] = activity.lastReviewed.map(date)
        return node
    }

    /// registre's codes are DPV terms (`pd:Identifying`); a category without one is described only.
    private static func personalData(_ category: Category) -> [String: Any] {
        var types = ["dpv:PersonalData"]
        if let code = category.code, code.hasPrefix("pd:") || code.hasPrefix("dpv:") { types.append(code) }
        return ["@type": types, "dct:description": category.label]
    }

    private static func recipientType(_ kind: Recipient.Kind) -> String {
        switch kind {
        case .internal: "dpv:Recipient"
        case .external: "dpv:ThirdParty"
        case .processor: "dpv:DataProcessor"
        case .publicAuthority: "dpv:Authority"
        }
    }

    private static func measureType(_ kind: SecurityMeasure.Kind) -> String {
        switch kind {
        case .encryption: "dpv:Encryption"
        case .accessControl: "dpv:AccessControlMethod"
        case .backup: "dpv:DataBackupProtocols"
        case .physicalSecurity: "dpv:PhysicalMeasure"
        default: "dpv:TechnicalOrganisationalMeasure"
        }
    }

    private static func retention(_ period: RetentionPeriod) -> String {
        var text = period.data.map { "\($0): " } ?? ""
        switch period.rule {
        case .duration(let length, let from): text += "\(length.value) \(length.unit.rawValue)" + (from.map { " from \($0)" } ?? "")
        case .criterion(let criterion): text += criterion
        }
        return text + (period.then.map { "; then \($0)" } ?? "")
    }

    /// The article of Chapter V a safeguard rests on, as the GDPR extension of DPV names it.
    static func mechanism(_ safeguard: Transfer.Safeguard) -> String {
        switch safeguard {
        case .adequacyDecision: "eu-gdpr:A45-3"
        case .legallyBindingInstrument: "eu-gdpr:A46-2-a"
        case .bindingCorporateRules: "eu-gdpr:A46-2-b"
        case .standardContractualClauses: "eu-gdpr:A46-2-c"
        case .codeOfConduct: "eu-gdpr:A46-2-e"
        case .certification: "eu-gdpr:A46-2-f"
        case .adHocContractualClauses: "eu-gdpr:A46-3-a"
        case .administrativeArrangement: "eu-gdpr:A46-3-b"
        case .derogation: "eu-gdpr:A49-1"
        case .compellingLegitimateInterests: "eu-gdpr:A49-1"
        }
    }

    private static func transfer(_ transfer: Transfer) -> [String: Any] {
        var node: [String: Any] = [
            "@type": "dpv:Transfer",
            "dpv:hasRecipient": ["@type": "dpv:Recipient", "dpv:hasName": transfer.recipient],
        ]
        switch transfer.destination {
        case .country(let code): node["dpv:hasCountry"] = ["@id": "loc:\(code)"]
        case .internationalOrganisation(let name): node["dpv:hasRecipient"] = ["@type": "dpv:InternationalOrganisation", "dpv:hasName": "\(transfer.recipient) (\(name))"]
        }
        node["dpv:hasLegalBasis"] = transfer.safeguard.map { ["@id": mechanism($0)] }
        node["dct:description"] = transfer.documentation
        return node
    }

    private static func breach(_ breach: Breach) -> [String: Any] {
        var node: [String: Any] = [
            "@id": id(.breach, breach.id), "@type": "eu-gdpr:DataBreachRecord", "dct:title": breach.title,
            "dpv:hasDataController": ["@id": id(.organisation, breach.controller)],
            "dct:date": dateTime(breach.aware),
            "dpv:hasDataSubject": breach.dataSubjectCategories.map { described("dpv:DataSubject", $0) },
            "dpv:hasPersonalData": breach.dataCategories.map { described("dpv:PersonalData", $0) },
            "dct:relation": breach.activities.map { ["@id": id(.activity, $0)] },
        ]
        node["dct:description"] = breach.description
        return node
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
