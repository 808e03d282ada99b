import RegistreCore

/// A form the desk cannot accept, the one shape of every form's refusal: for each field, what was
/// expected (in French and English), and what was typed when the form can show it again (`draft`).
/// Nothing is written when a form is refused.
struct FormRefusal<Draft: Sendable>: Error {
    /// For each field (the `name` of its input, or `general`), what was expected.
    var errors: [String: LocalizedText]
    /// The entry as typed, to show the form again; ``NoDraft`` for a form that shows only its fields.
    var draft: Draft
}

/// The draft of a form that is shown again from its own fields, not from an entry.
struct NoDraft: Sendable {}

extension FormRefusal where Draft == NoDraft {
    init(errors: [String: LocalizedText]) {
        self.init(errors: errors, draft: NoDraft())
    }
}
