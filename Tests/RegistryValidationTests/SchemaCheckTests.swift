@testable import RegistryValidation
import Testing

/// The schema check streams first and checks an invalid file again as a tree.
@Suite struct SchemaCheckTests {
    /// Two records with an element out of place, a valid one between them.
    static let twoMisplaced = Array("""
        <registry xmlns="http://www.iana.org/assignments">
        <record><description>x</description><colour/></record>
        <record><name>b</name><description>y</description></record>
        <record><description>z</description><br/></record>
        </registry>
        """.utf8)

    @Test func theTreeFindsEachElementOutOfPlace() {
        let found = SchemaCheck.violations(in: Self.twoMisplaced)
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:37", "4:37"])
    }

    /// Past the tree limit only the stream's findings up to its first element out of place
    /// are kept: the ones after it are the streaming validator's noise.
    @Test func aFileTooLargeForATreeKeepsWhatTheStreamIsSureOf() {
        let found = SchemaCheck.violations(in: Self.twoMisplaced, treeLimit: 0)
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:37"])
        #expect(found.first?.message == "Did not expect element colour there")
    }
}
