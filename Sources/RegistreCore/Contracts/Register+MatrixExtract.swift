extension Register {
    /// The register `matrix print --format xml` writes: the matrix and the organisations that are its
    /// parties, nothing else. The matrix leaves its agreement behind (`agreement` nil), which the extract
    /// does not hold, so that the extract is a register registre reads back.
    public func extract(of matrix: ResponsibilityMatrix) -> Register {
        let parties = Set(matrix.parties.map(\.organisation))
        var standalone = matrix
        standalone.agreement = nil
        return Register(organisations: organisations.filter { parties.contains($0.id) }, matrices: [standalone])
    }
}
