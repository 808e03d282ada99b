import RegistreService

extension Visit {
    /// The signed-in account acting now, within what its policy lets it change: how the desk calls the
    /// acts of `RegistreService`, the same functions as the command line.
    var acting: Acting { Acting(actor: actor, now: now, policy: policy) }
}
