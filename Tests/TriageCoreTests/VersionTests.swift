import Testing
import TriageCore

@Test func versionIsSemantic() {
    #expect(TriageVersion.current.split(separator: ".").count == 3)
}
