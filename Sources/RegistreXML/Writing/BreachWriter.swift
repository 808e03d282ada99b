import Foundation
import RegistreCore

/// Writes breaches, their instants on the clock of the controller's time zone with its offset
/// (`2026-03-27T16:30:00+01:00`): what the people who lived the breach read, and still an absolute time.
enum BreachWriter {
    static func write(_ breach: Breach, in register: Register, to xml: XMLStreamWriter) throws {
        let zone = OrganisationTimeZone.of(breach.controller, in: register)
        func instant(_ date: Date?) -> String? { date.map { Instant.iso($0, in: zone) } }
        try xml.start("breach")
        try xml.attribute("id", breach.id)
        try xml.attribute("controller", breach.controller)
        try xml.attribute("agreement", breach.agreement)
        try xml.element("title", breach.title)
        try xml.element("occurred-from", instant(breach.occurredFrom))
        try xml.element("occurred-to", instant(breach.occurredTo))
        try xml.element("detected", instant(breach.detected))
        try xml.element("aware", instant(breach.aware))
        try xml.element("processor-notified-controller", instant(breach.processorNotifiedController))
        try xml.element("processor-incident", breach.processorIncident)
        for nature in breach.nature { try xml.element("nature", nature.rawValue) }
        try xml.element("description", breach.description)
        for category in breach.dataSubjectCategories { try xml.element("data-subject-category", category) }
        try write(breach.subjects, as: "approximate-subjects", to: xml)
        for category in breach.dataCategories { try xml.element("data-category", category) }
        try write(breach.records, as: "approximate-records", to: xml)
        try RegisterWriter.write(breach.contact, as: "contact", to: xml)
        try xml.element("likely-consequences", breach.likelyConsequences)
        for measure in breach.measures { try xml.element("measure", measure) }
        for activity in breach.activities { try RegisterWriter.reference("activity", activity, to: xml) }
        try writeFacts(of: breach, to: xml)
        if let assessment = breach.assessment {
            try xml.start("assessment")
            for data in assessment.data {
                try xml.element("data", attributes: [
                    "category": data.category.rawValue, "adjustment": data.adjustment == 0 ? nil : String(data.adjustment),
                ], text: nil)
            }
            try xml.element("identification", assessment.identification.rawValue)
            try xml.element("confidentiality-loss", assessment.confidentiality?.rawValue)
            try xml.element("integrity-loss", assessment.integrity?.rawValue)
            try xml.element("availability-loss", assessment.availability?.rawValue)
            if assessment.malicious { try xml.element("malicious", attributes: [:], text: nil) }
            if let override = assessment.override {
                try xml.element("override", attributes: ["level": override.level.rawValue], text: override.justification)
            }
            try xml.end()
        }
        for notification in breach.notifications {
            try xml.element("notification", attributes: [
                "kind": notification.kind.rawValue, "at": instant(notification.at), "reference": notification.reference,
                "complete": notification.complete ? "true" : nil,
            ], text: nil)
        }
        try xml.element("delay-reasons", breach.delayReasons)
        if let communication = breach.communication {
            try xml.element("communication", attributes: [
                "at": instant(communication.at), "exception": communication.exception?.rawValue,
            ], text: communication.detail)
        }
        try xml.end()
    }

    /// A count: the number as text, its precision as an attribute unless exact.
    static func write(_ count: Count?, as name: String, to xml: XMLStreamWriter) throws {
        guard let count else { return }
        try xml.element(name, attributes: [
            "precision": count.precision == .exact ? nil : count.precision.rawValue,
            "up-to": count.upperBound.map(String.init),
        ], text: count.value.map(String.init) ?? "")
    }

    /// The facts the decision reasons from; an empty list is written as its empty element ("none found").
    static func writeFacts(of breach: Breach, to xml: XMLStreamWriter) throws {
        if let encryption = breach.encryption {
            try xml.element("encryption", attributes: [
                "strength": encryption.strength.rawValue, "key-compromised": flag(encryption.keyCompromised),
                "form": encryption.form?.rawValue,
            ], text: nil)
        }
        if let restoration = breach.restoration {
            try xml.element("restoration", attributes: [
                "backup": restoration.backupAvailable ? "true" : "false",
                "hours-to-restore": restoration.hoursToRestore.map(String.init),
                "data-lost": flag(restoration.dataLost), "impact": restoration.impact?.rawValue,
            ], text: nil)
        }
        if let exfiltration = breach.exfiltration {
            try xml.element("exfiltration", attributes: [
                "finding": exfiltration.finding.rawValue, "usable-for-phishing": flag(exfiltration.usableForPhishing),
            ], text: exfiltration.evidence ?? "")
        }
        if let disclosure = breach.disclosure {
            try xml.element("disclosure", attributes: [
                "trust": disclosure.trust.rawValue, "bound-to-confidentiality": flag(disclosure.boundToConfidentiality),
                "returned-or-deleted": flag(disclosure.returnedOrDeleted), "identified": flag(disclosure.identified),
            ], text: disclosure.recipients ?? "")
        }
        try list(breach.vulnerableGroups?.map(\.rawValue), as: "vulnerable-groups", item: "group", to: xml)
        try list(breach.specialCategories?.map(\.rawValue), as: "special-categories", item: "category", to: xml)
        try xml.element("criminal-offence-data", breach.criminalOffenceData.map { $0 ? "true" : "false" })
        try list(breach.observedConsequences?.map(\.rawValue), as: "observed-consequences", item: "consequence", to: xml)
    }

    /// A fact that may be unknown: absent when not recorded.
    private static func flag(_ value: Bool?) -> String? {
        value.map { $0 ? "true" : "false" }
    }

    private static func list(_ values: [String]?, as name: String, item: String, to xml: XMLStreamWriter) throws {
        guard let values else { return }
        try xml.start(name)
        for value in values { try xml.element(item, value) }
        try xml.end()
    }
}
