import Foundation
import RegistreCore

/// What the organisation form sends: identity, contact details, DPO, and for an administrator the members
/// of a mutualisation structure (members decide what a structure's DPO may change, so only an
/// administrator sets them).
struct OrganisationForm: Decodable {
    var id: String?
    var name: String?
    var isPublicBody: String?
    var address: String?
    var country: String?
    var email: String?
    var phone: String?
    var dpoName: String?
    var dpoEmail: String?
    var dpoPhone: String?
    var members: [String]?

    struct Refusal: Error {
        var errors: [String: LocalizedText]
        var draft: Organisation
    }

    func organisation(editing original: Organisation?, in register: Register, policy: AccessPolicy) -> Result<Organisation, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let id = original?.id ?? Self.text(id) ?? ""
        if original == nil, !Register.isValidID(id) || register.allIDs.contains(id) {
            errors["id"] = LocalizedText(
                fr: "Identifiant : un identifiant nouveau est attendu (lettres, chiffres, « . », « _ », « - »).",
                en: "Identifier: a new identifier is expected (letters, digits, '.', '_', '-').")
        }
        let name = Self.text(name) ?? ""
        if name.isEmpty { errors["name"] = LocalizedText(fr: "Nom : à renseigner.", en: "Name: required.") }
        var organisation = original ?? Organisation(id: id, name: name)
        organisation.name = name
        organisation.isPublicBody = isPublicBody != nil
        organisation.address = Self.text(address)
        organisation.country = Self.text(country)?.uppercased()
        organisation.email = Self.text(email)
        organisation.phone = Self.text(phone)
        if let dpoName = Self.text(dpoName) {
            organisation.dpo = Contact(name: dpoName, email: Self.text(dpoEmail), phone: Self.text(dpoPhone))
        } else if Self.text(dpoEmail) != nil || Self.text(dpoPhone) != nil {
            errors["dpoName"] = LocalizedText(
                fr: "Délégué (art. 37) : le nom est attendu avec les coordonnées.", en: "DPO (Art. 37): a name is expected with the contact details.")
        } else {
            organisation.dpo = nil
        }
        if policy.administersAccounts {
            let chosen = (members ?? []).filter { $0 != id }
            if let unknown = chosen.first(where: { register.organisation($0) == nil }) {
                errors["members"] = LocalizedText(fr: "Membre inconnu : \(unknown).", en: "Unknown member: \(unknown).")
            }
            organisation.members = chosen
        }
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: organisation)) }
        return .success(organisation)
    }

    private static func text(_ value: String?) -> String? {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
