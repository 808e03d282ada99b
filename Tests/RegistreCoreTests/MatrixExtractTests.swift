import RegistreCore
import Testing

/// What `matrix --format xml` writes: the matrix alone with its parties, a register that reads back.
@Suite("The extract of a responsibility matrix")
struct MatrixExtractTests {
    @Test("the matrix and its parties only, without the agreement the extract does not hold")
    func extract() {
        let matrix = ResponsibilityMatrix(
            id: "m", title: "Matrice", agreement: "dpa",
            parties: [.init("cdg48", role: .controller), .init("anct", role: .processor)], rows: [])
        let register = Register(
            organisations: [Organisation(id: "cdg48", name: "CDG48"), Organisation(id: "anct", name: "ANCT"), Organisation(id: "mende", name: "Mende")],
            matrices: [matrix])
        let extract = register.extract(of: matrix)
        #expect(extract.organisations.map(\.id) == ["cdg48", "anct"])
        #expect(extract.matrices.count == 1)
        #expect(extract.matrices.first?.agreement == nil)
        #expect(extract.matrices.first?.parties == matrix.parties)
        #expect(register.matrices.first?.agreement == "dpa", "the register itself is left as it is")
    }
}
