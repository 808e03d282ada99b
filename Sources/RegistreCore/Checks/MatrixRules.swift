/// A responsibility matrix leaves no domain to nobody, and never gives the processor alone a duty the GDPR
/// puts on the controller.
enum MatrixRules {
    static let all: [Rule] = [partyUnknown, uncarried, controllerDuty]

    static let partyUnknown = Rule.matrix(.matrix_party_unknown, "Art. 28(3)") { matrix, _ in
        let parties = Set(matrix.parties.map(\.organisation))
        return matrix.rows.flatMap { row in
            row.cells.filter { !parties.contains($0.party) }.map { cell in
                .error(
                    fr: "Le domaine « \(row.label) » donne des obligations à « \(cell.party) », qui n'est pas partie à la matrice.",
                    en: "The domain '\(row.label)' gives obligations to '\(cell.party)', who is not a party to the matrix.")
            }
        }
    }

    static let uncarried = Rule.matrix(.matrix_domain_uncarried, "Art. 24(1), Art. 28(3)") { matrix, _ in
        matrix.rows.filter { $0.carriers.isEmpty }.map { row in
            .error(
                fr: "Le domaine « \(row.label) » n'est porté par aucune partie.",
                en: "The domain '\(row.label)' is carried by no party.")
        }
    }

    static let controllerDuty = Rule.matrix(.matrix_controller_duty, "Art. 24(1)") { matrix, register in
        matrix.rows.compactMap { row in
            guard let duty = row.domain.controllerDuty, !row.carriers.isEmpty,
                  !row.carriers.contains(where: { matrix.role(of: $0) == .controller })
            else { return nil }
            return .error(
                fr: "Le domaine « \(row.label) » n'est porté par aucun responsable du traitement : \(duty.duty.fr) revient au responsable (\(duty.article)), pas au seul sous-traitant.",
                en: "The domain '\(row.label)' is carried by no controller: \(duty.duty.en) is the controller's duty (\(duty.article)), not the processor's alone.")
        }
    }
}
