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

    typealias Refusal = FormRefusal<Organisation>

    func organisation(editing original: Organisation?, in register: Register, policy: AccessPolicy) -> Result<Organisation, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let id = original?.id ?? Self.text(id) ?? ""
        if original == nil, !Register.isValidID(id) || register.allIDs.contains(id) {
            errors["id"] = LocalizedText(
                fr: "Identifiant : un identifiant nouveau est attendu (lettres, chiffres, « . », « _ », « - »).",
                en: "Identifier: a new identifier is expected (letters, digits, '.', '_', '-').")
        }
        // Applied to the organisation as stored: a value sent back as shown stays exactly as stored (`Shown`);
        // what the form does not show (identifiers, time zone, representatives, the DPO's role) stays.
        let name = Shown.text(self.name, stored: original?.name ?? "")
        if FormText.clean(name).isEmpty { errors["name"] = LocalizedText(fr: "Nom : à renseigner.", en: "Name: required.") }
        var organisation = original ?? Organisation(id: id, name: name)
        organisation.name = name
        organisation.isPublicBody = isPublicBody != nil
        organisation.address = Shown.optional(address, stored: original?.address)
        organisation.country = Shown.same(country, original?.country) ? original?.country : Self.text(country)?.uppercased()
        organisation.email = Shown.optional(email, stored: original?.email)
        organisation.phone = Shown.optional(phone, stored: original?.phone)
        let stored = original?.dpo
        if Shown.same(dpoName, stored?.name), Shown.same(dpoEmail, stored?.email), Shown.same(dpoPhone, stored?.phone) {
            organisation.dpo = stored
        } else if let dpoName = Self.text(dpoName) {
            var dpo = stored ?? Contact(name: dpoName)
            dpo.name = Shown.text(self.dpoName, stored: stored?.name ?? "")
            dpo.email = Shown.optional(dpoEmail, stored: stored?.email)
            dpo.phone = Shown.optional(dpoPhone, stored: stored?.phone)
            organisation.dpo = dpo
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
            // The members still ticked keep their order; those ticked now come after.
            organisation.members = Shown.ticked(
                chosen, stored: original?.members ?? [], key: { $0 }, keepsUnticked: { register.organisation($0) == nil }) { $0 }
        }
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: organisation)) }
        return .success(organisation)
    }

    private static func text(_ value: String?) -> String? {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
