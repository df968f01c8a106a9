import Foundation
import Testing

@testable import TriageCore

/// Every corpus file of a covered kind parses, cleanly unless the file is cut or foreign.
@Test(arguments: CorpusKind.all)
func everyCorpusFileOfAKindParses(kind: CorpusKind) throws {
    let files = TestPaths.corpusFiles(kind: kind.folder)
    #expect(!files.isEmpty, "no corpus files in \(kind.folder)")
    for file in files {
        let (warnings, found) = kind.parse(try String(contentsOf: file, encoding: .utf8))
        if !kind.foreignFiles.contains(file.lastPathComponent) {
            #expect(found > 0, "\(kind.folder)/\(file.lastPathComponent): nothing parsed")
        }
        if kind.expectsWarnings(file.lastPathComponent) {
            #expect(!warnings.isEmpty, "\(kind.folder)/\(file.lastPathComponent) should warn")
        } else {
            #expect(warnings.isEmpty, "\(kind.folder)/\(file.lastPathComponent): \(warnings)")
        }
    }
}

/// Every corpus file of every folder, whatever command printed it, goes through every section of the
/// contract without a crash: the parsers meet other commands' output as garbage, and their warnings
/// stay within the cap of each section.
@Test func everyCorpusFileThroughEverySectionDoesNotCrash() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path).sorted()
    #expect(folders.count > 20)
    var files = 0
    for folder in folders {
        for file in TestPaths.corpusFiles(kind: folder) {
            files += 1
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let sections = ProbeContractSubjects.all.map { subject in
                ProbeSection(kind: subject.hasPrefix("/") ? .file : .command, subject: subject, output: text, exitCode: subject.hasPrefix("/") ? nil : 0)
            }
            let facts = DeviceFacts(sections: sections)
            #expect(facts.link.devices.allSatisfy { !$0.name.isEmpty })
            let perSection = Dictionary(grouping: facts.warnings, by: \.section).mapValues(\.count)
            // Two groups read `ubus list` (wlan and link), so a subject may carry two capped lists.
            let flooded = perSection.filter { $0.value > 2 * (WarningCollector.maximumPerSection + 1) }
            #expect(flooded.isEmpty, "\(folder)/\(file.lastPathComponent): \(flooded)")
        }
    }
    #expect(files >= 80, "only \(files) corpus files under \(TestPaths.corpus.path)")
}
