import Testing

extension Tag {
    /// Tests that start LibreOffice (several seconds each run): `swift test --skip-tags`-able, and run
    /// only where `soffice` is installed (scripts/setup installs it).
    @Tag static var libreOffice: Self
}
