import Testing

@testable import TriageCore

@Suite struct DiskFreeParserTests {
    private func parse(_ text: String) -> ([FilesystemUsage], [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let mounts = DiskFreeParser.parse(text, subject: "df -k").value(addingWarningsTo: &warnings)
        return (mounts, warnings)
    }

    @Test func busyBoxOnOpenWrt() {
        let (mounts, warnings) = parse(
            """
            Filesystem           1K-blocks      Used Available Use% Mounted on
            /dev/root                 4352      4352         0 100% /rom
            tmpfs                    61028        92     60936   0% /tmp
            /dev/mtdblock6            9344      9344         0 100% /overlay
            overlayfs:/overlay        9344      9344         0 100% /
            tmpfs                      512         0       512   0% /dev

            """)
        #expect(warnings.isEmpty)
        #expect(mounts.map(\.mountPoint) == ["/rom", "/tmp", "/overlay", "/", "/dev"])
        #expect(
            mounts[2]
                == FilesystemUsage(
                    filesystem: "/dev/mtdblock6", mountPoint: "/overlay", totalKiB: 9344, usedKiB: 9344,
                    availableKiB: 0,
                    usePercent: 100))
        #expect(SystemFacts(filesystems: mounts).overlay == mounts[2])
    }

    @Test func wrappedNameAndSpacesInMountPoint() {
        let (mounts, warnings) = parse(
            "Filesystem 1K-blocks Used Available Use% Mounted on\n/dev/mapper/very-long-volume-name\n"
                + "   1000   250   750  25% /mnt/usb stick\nnone 0 0 0 - /sys/fs/bpf\n")
        #expect(warnings.isEmpty)
        #expect(mounts.map(\.filesystem) == ["/dev/mapper/very-long-volume-name", "none"])
        #expect(mounts[0].mountPoint == "/mnt/usb stick")
        #expect(mounts[1].usePercent == nil)
    }

    @Test func emptyOutput() {
        let (mounts, warnings) = parse("")
        #expect(mounts.isEmpty && warnings.isEmpty)
    }

    @Test func truncatedAndGarbled() {
        let (mounts, warnings) = parse(
            "Filesystem 1K-blocks\ntmpfs 61028 92 60936 0% /tmp\n/dev/mtdblock6 9344 93\nx y z w v u\n/dev/cut")
        #expect(mounts.map(\.filesystem) == ["tmpfs", "x"])
        #expect(warnings.map(\.line) == [3, 4, 4, nil])
    }
}
