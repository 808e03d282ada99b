import Foundation
import RegistreTestSupport

/// LibreOffice without a display, converting several files in one start (it takes seconds to start).
enum LibreOffice {
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
    }

    /// Converts every file to `filter` ("txt", or a csv filter) in `folder`, and gives the outputs' text.
    static func convert(_ files: [String], to filter: String, in folder: ScratchDirectory) throws -> CommandResult {
        // A profile of its own: tests may run beside a LibreOffice that holds the user's profile lock.
        let profile = "file://" + folder.path("profile")
        return try CommandRunner.run(
            "/usr/bin/soffice",
            ["-env:UserInstallation=\(profile)", "--headless", "--norestore", "--convert-to", filter, "--outdir", folder.path("out")] + files
        )
    }
}
