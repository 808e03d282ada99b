public import RegistreCore

/// Checks one entry as the reader of register files would, throwing what the reader would say. The store
/// cannot read XML itself (RegistreXML and RegistreStore do not know each other): whoever opens it gives
/// the XML reader's check, as the `registre` command and the desk do.
public typealias EntryValidator = @Sendable (RegisterEntry) throws -> Void
