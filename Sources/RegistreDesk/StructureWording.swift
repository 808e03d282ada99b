import RegistreCore

/// The words of a mutualisation structure's pages (members, campaigns, models), in French and English,
/// given to their templates as `s` (`{{s.members}}`) beside the desk's own `t`: kept apart from
/// ``Wording`` so that the structure's pages come and go with their own files.
enum StructureWording {
    static let texts: [String: LocalizedText] = [
        "structures": .init(fr: "Structures", en: "Structures"),
        "structuresIntro": .init(
            fr: "Les structures de mutualisation (centres de gestion) que votre compte consulte, et les campagnes de revue qui vous concernent.",
            en: "The mutualisation structures (centres de gestion) your account reads, and the review campaigns that concern you."),
        "noStructure": .init(fr: "Aucune structure.", en: "No structure."),
        "campaigns": .init(fr: "Campagnes de revue", en: "Review campaigns"),
        "noCampaign": .init(fr: "Aucune campagne.", en: "No campaign."),
        "membersByUrgency": .init(fr: "Membres, les plus urgents d'abord", en: "Members, most urgent first"),
        "urgencyNote": .init(
            fr: "Dans l'ordre de « registre members » : notifications de violation dépassées, échéances dépassées, violations dues sous 24 heures, erreurs, autres violations ouvertes, délais d'opposition ouverts, avertissements, activités jamais revues, puis la revue la plus ancienne.",
            en: "In the order of 'registre members': overdue breach notifications, overdue deadlines, breaches due within 24 hours, errors, other open breaches, objection windows still open, warnings, activities never reviewed, then the oldest review."),
        "member": .init(fr: "Membre", en: "Member"),
        "activities": .init(fr: "Activités", en: "Activities"),
        "neverReviewed": .init(fr: "Jamais revues", en: "Never reviewed"),
        "lastReview": .init(fr: "Dernière revue", en: "Last review"),
        "errors": .init(fr: "Erreurs", en: "Errors"),
        "warnings": .init(fr: "Avertissements", en: "Warnings"),
        "openBreaches": .init(fr: "Violations ouvertes", en: "Open breaches"),
        "overdueDeadlines": .init(fr: "Échéances dépassées", en: "Overdue deadlines"),
        "objectionWindows": .init(fr: "Délais d'opposition ouverts (art. 28(2))", en: "Open objection windows (Art. 28(2))"),
        "none": .init(fr: "—", en: "—"),
        "models": .init(fr: "Activités modèles", en: "Model activities"),
        "noModel": .init(fr: "Aucune activité modèle.", en: "No model activity."),
        "followers": .init(fr: "Activités des membres qui le suivent", en: "Members' activities that follow it"),
        "drift": .init(fr: "Écarts au modèle", en: "Drift from the model"),
        "noDrift": .init(fr: "Aucun écart : chaque membre suit le modèle tel qu'il est.", en: "No drift: every member follows the model as it is."),
        "apply": .init(fr: "Appliquer le modèle aux membres", en: "Apply the model to members"),
        "applyHelp": .init(
            fr: "Chaque membre coché reçoit une activité (identifiant : celui du modèle, un tiret, celui du membre) qui suit tout le modèle jusqu'à ce qu'il en rédige lui-même un élément.",
            en: "Each member ticked gets an activity (id: the model's, a dash, the member's) that follows the whole model until it words an item itself."),
        "allFollow": .init(fr: "Tous les membres suivent déjà ce modèle.", en: "Every member already follows this model."),
        "applySubmit": .init(fr: "Appliquer", en: "Apply"),
        "propagate": .init(fr: "Propager le modèle", en: "Propagate the model"),
        "propagateHelp": .init(
            fr: "Met chaque élément suivi par les membres à jour du modèle, en une transaction ; les éléments propres des membres ne sont jamais touchés.",
            en: "Brings every item the members follow up to the model, in one transaction; the members' own items are never touched."),
        "propagateSubmit": .init(fr: "Propager", en: "Propagate"),
        "propagated": .init(fr: "Propagation faite", en: "Propagation done"),
        "unchanged": .init(fr: "inchangée", en: "unchanged"),
        "followsModel": .init(fr: "Cette activité suit le modèle", en: "This activity follows the model"),
        "ownItemsLink": .init(fr: "Éléments suivis et éléments propres", en: "Followed and own items"),
        "item": .init(fr: "Élément", en: "Item"),
        "state": .init(fr: "État", en: "State"),
        "followed": .init(fr: "suit le modèle", en: "follows the model"),
        "own": .init(fr: "propre au membre", en: "the member's own"),
        "behind": .init(fr: "diffère du modèle (à propager)", en: "differs from the model (to propagate)"),
        "contradicts": .init(fr: "contredit le modèle", en: "contradicts the model"),
        "markOwn": .init(fr: "Rendre propres au membre", en: "Make the member's own"),
        "markFollowed": .init(fr: "Suivre de nouveau le modèle", en: "Follow the model again"),
        "ownHelp": .init(
            fr: "Un élément propre est rédigé par le membre : les écarts ne le signalent plus et la propagation le laisse tel quel.",
            en: "An own item is worded by the member: drift no longer reports it and propagation leaves it as it is."),
        "newCampaign": .init(fr: "Ouvrir une campagne de revue", en: "Open a review campaign"),
        "campaignTitle": .init(fr: "Titre de la campagne", en: "Campaign title"),
        "due": .init(fr: "Date limite des confirmations", en: "Last day for confirmations"),
        "membersAsked": .init(fr: "Membres sollicités", en: "Members asked"),
        "open": .init(fr: "Ouvrir la campagne", en: "Open the campaign"),
        "opened": .init(fr: "Ouverte le", en: "Opened on"),
        "closedOn": .init(fr: "Close le", en: "Closed on"),
        "running": .init(fr: "en cours", en: "running"),
        "progress": .init(fr: "Avancement par membre", en: "Progress per member"),
        "confirmed": .init(fr: "confirmées", en: "confirmed"),
        "pending": .init(fr: "à confirmer", en: "to confirm"),
        "changed": .init(fr: "modifiées", en: "changed"),
        "activity": .init(fr: "Activité", en: "Activity"),
        "confirmation": .init(fr: "Confirmation", en: "Confirmation"),
        "notConfirmed": .init(fr: "non confirmée", en: "not confirmed"),
        "by": .init(fr: "par", en: "by"),
        "on": .init(fr: "le", en: "on"),
        "outcome-reviewed": .init(fr: "revue, inchangée", en: "reviewed, unchanged"),
        "outcome-changed": .init(fr: "modifiée pendant la revue", en: "changed in the review"),
        "confirm": .init(fr: "Confirmer la revue de vos activités", en: "Confirm the review of your activities"),
        "confirmHelp": .init(
            fr: "Cochez les activités revues ; chacune reçoit la date du jour comme dernière revue. La confirmation est inscrite au journal sous votre compte.",
            en: "Tick the activities reviewed; each gets today as its last review. The confirmation is journaled under your account."),
        "outcome": .init(fr: "Conclusion de la revue", en: "Outcome of the review"),
        "confirmSubmit": .init(fr: "Confirmer", en: "Confirm"),
        "close": .init(fr: "Clore la campagne", en: "Close the campaign"),
        "closeHelp": .init(
            fr: "Une campagne close ne prend plus de confirmation et quitte les échéances.",
            en: "A closed campaign takes no more confirmations and leaves the deadlines."),
        "closeSubmit": .init(fr: "Clore", en: "Close"),
        "report": .init(fr: "Rapport de la campagne (texte, comme « registre campaign close »)", en: "Campaign report (text, as 'registre campaign close')"),
        "memberDocuments": .init(fr: "Les registres des membres, en une archive", en: "The members' registers, in one archive"),
        "archive-xml": .init(fr: "Un fichier XML par membre (zip)", en: "One XML file per member (zip)"),
        "archive-text": .init(fr: "Un registre imprimé (texte) par membre (zip)", en: "One printed register (text) per member (zip)"),
        "archive-ods": .init(fr: "Un tableur ODS par membre (zip)", en: "One ODS spreadsheet per member (zip)"),
        "archive-odt": .init(fr: "Un texte ODT par membre (zip)", en: "One ODT text per member (zip)"),
        "archive-jsonld": .init(fr: "Un fichier JSON-LD par membre (zip)", en: "One JSON-LD file per member (zip)"),
        "calendar": .init(fr: "Agenda des échéances", en: "Calendar of deadlines"),
        "calendarIntro": .init(
            fr: "Une adresse secrète à laquelle votre agenda s'abonne (iCalendar, RFC 5545) : les échéances que « registre deadlines » calcule pour les organismes de votre compte. Qui connaît l'adresse lit ces échéances : ne la partagez pas, et remplacez-la si elle a pu l'être.",
            en: "A secret address your calendar subscribes to (iCalendar, RFC 5545): the deadlines 'registre deadlines' computes for your account's organisations. Whoever knows the address reads those deadlines: do not share it, and replace it if it may have been."),
        "calendarNew": .init(
            fr: "Votre nouvelle adresse d'abonnement, affichée une seule fois (seule son empreinte est gardée) ; l'ancienne ne répond plus :",
            en: "Your new subscription address, shown only once (only its hash is kept); the previous one no longer answers:"),
        "calendarIssued": .init(fr: "Une adresse d'abonnement est active depuis le", en: "A subscription address has been active since"),
        "calendarNone": .init(fr: "Aucune adresse d'abonnement.", en: "No subscription address."),
        "calendarCreate": .init(fr: "Créer une adresse d'abonnement", en: "Create a subscription address"),
        "calendarReplace": .init(fr: "Remplacer l'adresse (l'ancienne ne répondra plus)", en: "Replace the address (the previous one will stop answering)"),
        "calendarRevoke": .init(fr: "Révoquer l'adresse", en: "Revoke the address"),
        "admin": .init(fr: "Administration", en: "Administration"),
        "accounts": .init(fr: "Comptes", en: "Accounts"),
        "login": .init(fr: "Identifiant", en: "Login"),
        "role": .init(fr: "Rôle", en: "Role"),
        "role-admin": .init(fr: "administrateur", en: "administrator"),
        "role-dpo": .init(fr: "DPO", en: "DPO"),
        "role-reader": .init(fr: "lecteur", en: "reader"),
        "organisationsGiven": .init(fr: "Organismes confiés", en: "Organisations given"),
        "newAccount": .init(fr: "Créer un compte", en: "Create an account"),
        "password": .init(fr: "Mot de passe (12 caractères au moins)", en: "Password (at least 12 characters)"),
        "create": .init(fr: "Créer", en: "Create"),
        "saveAccount": .init(fr: "Enregistrer le rôle et les organismes", en: "Save the role and organisations"),
        "resetPassword": .init(fr: "Nouveau mot de passe (ses sessions sont fermées)", en: "New password (its sessions are closed)"),
        "setPassword": .init(fr: "Changer le mot de passe", en: "Change the password"),
        "lockedNote": .init(
            fr: "Cet identifiant est fermé après des échecs de connexion répétés (sauf depuis un poste sans échec).",
            en: "This login is closed after repeated failed sign-ins (except from a machine with no failure)."),
        "notLocked": .init(fr: "Cet identifiant n'est pas fermé par des échecs de connexion.", en: "This login is not closed by failed sign-ins."),
        "unlock": .init(fr: "Rouvrir l'identifiant", en: "Open the login again"),
        "remove": .init(fr: "Supprimer le compte", en: "Remove the account"),
        "accountJournal": .init(fr: "Journal du compte (20 dernières lignes)", en: "Account journal (last 20 lines)"),
        "verify": .init(fr: "Intégrité du journal (registre verify)", en: "Journal integrity (registre verify)"),
        "verifyRun": .init(fr: "Vérifier maintenant (lit tout le registre)", en: "Verify now (reads the whole register)"),
        "intact": .init(fr: "Le journal est intact.", en: "The journal is intact."),
        "verifiedAt": .init(fr: "Vérifié le", en: "Verified on"),
        "notIntact": .init(fr: "Le journal n'est PAS intact :", en: "The journal is NOT intact:"),
        "entries": .init(fr: "entrées", en: "entries"),
        "head": .init(fr: "Dernière entrée, ce qu'un sceau signe", en: "Last entry, what a seal signs"),
        "sealNote": .init(
            fr: "Le sceau se garde hors de la base : « registre seal --key CLÉ » le crée, « registre verify --seal SCEAU --public-key CLÉ.pub » le vérifie. Le bureau n'en reçoit aucun.",
            en: "The seal is kept outside the database: 'registre seal --key KEY' makes it, 'registre verify --seal SEAL --public-key KEY.pub' checks it. The desk is given none."),
        "objectionWindowsTitle": .init(fr: "Délais d'opposition des membres (art. 28(2))", en: "Members' objection windows (Art. 28(2))"),
        "objectionWindowsIntro": .init(
            fr: "Quand le sous-traitant d'une structure lui notifie un nouveau sous-traitant ultérieur, chaque membre dont les activités ont recours à ce sous-traitant peut s'y opposer dans le délai de l'accord. Le compte du membre répond ici ; son délai quitte alors les échéances.",
            en: "When a structure's processor notifies it of a new sub-processor, each member whose activities use that processor may object within the agreement's window. The member's account answers here; its window then leaves the deadlines."),
        "openWindows": .init(fr: "Délais ouverts", en: "Open windows"),
        "noWindow": .init(fr: "Aucun délai d'opposition ouvert.", en: "No open objection window."),
        "yourAnswer": .init(fr: "Réponse du membre", en: "The member's answer"),
        "answer-accepted": .init(fr: "pas d'opposition", en: "no objection"),
        "answer-objected": .init(fr: "opposition", en: "objection"),
        "answerSubmit": .init(fr: "Enregistrer la réponse", en: "Record the answer"),
        "answersGiven": .init(fr: "Réponses données", en: "Answers given"),
        "chooseAnswer": .init(fr: "Réponse : choisir « pas d'opposition » ou « opposition ».", en: "Answer: choose 'no objection' or 'objection'."),
        "objectionWindowsLink": .init(fr: "Délais d'opposition des membres aux changements de sous-traitant", en: "Members' objection windows on changes of sub-processor"),
        "chooseActivity": .init(fr: "Cochez au moins une activité.", en: "Tick at least one activity."),
        "chooseItem": .init(fr: "Cochez au moins un élément.", en: "Tick at least one item."),
        "chooseMember": .init(fr: "Cochez au moins un membre.", en: "Tick at least one member."),
        "titleMissing": .init(fr: "Titre : à renseigner.", en: "Title: required."),
        "dueInvalid": .init(fr: "Date limite : une date AAAA-MM-JJ est attendue.", en: "Last day: expected a date YYYY-MM-DD."),
    ]

    /// Every word in `language`, for the templates (`{{s.members}}`).
    static func table(_ language: Language) -> [String: String] {
        texts.mapValues { $0[language] }
    }

    static func text(_ key: String, _ language: Language) -> String {
        texts[key]?[language] ?? key
    }

    /// What an activity's page says of the model it follows, with the link to its followed and own items.
    static func followsModel(_ model: EntityID, activity: EntityID, _ language: Language) -> [String: String] {
        ["model": model, "activity": activity, "label": text("followsModel", language), "ownItems": text("ownItemsLink", language)]
    }
}
