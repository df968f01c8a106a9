import Foundation
import Testing

@testable import TriageCore

/// Every corpus file of a covered kind parses, cleanly unless the file is cut or foreign.
@Test(arguments: CorpusKind.all)
func everyCorpusFileOfAKindParses(kind: CorpusKind) throws {
    let files = TestPaths.corpusFiles(kind: kind.folder)
    #expect(!files.isEmpty, "no corpus files in \(kind.folder)")
    for file in files {
        let warnings = kind.parse(try String(contentsOf: file, encoding: .utf8))
        if kind.expectsWarnings(file.lastPathComponent) {
            #expect(!warnings.isEmpty, "\(kind.folder)/\(file.lastPathComponent) should warn")
        } else {
            #expect(warnings.isEmpty, "\(kind.folder)/\(file.lastPathComponent): \(warnings)")
        }
    }
}

/// Every corpus file of every folder, whatever command printed it, goes through every link and system section
/// without a crash: the parsers meet other commands' output as garbage.
@Test func everyCorpusFileThroughEverySectionDoesNotCrash() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path).sorted()
    #expect(folders.count > 20)
    for folder in folders {
        for file in TestPaths.corpusFiles(kind: folder) {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let sections = (ProbeContractSubjects.link + ProbeContractSubjects.system).map { subject in
                ProbeSection(kind: subject.hasPrefix("/") ? .file : .command, subject: subject, output: text)
            }
            let facts = DeviceFacts(sections: sections)
            #expect(facts.link.devices.allSatisfy { !$0.name.isEmpty })
        }
    }
}
