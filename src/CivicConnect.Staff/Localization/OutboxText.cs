namespace CivicConnect.Staff.Localization;

/// <summary>The failed-messages page (supervisors).</summary>
internal sealed class OutboxText : IConsoleStrings
{
    public IEnumerable<ConsoleString> Strings =>
    [
        new("outbox.title", "Failed messages", "Messages en échec"),
        new("outbox.intro", "Messages the outbox gave up on. Fix the cause (a provider outage, a wrong address), then send them again.", "Les messages que la boîte d’envoi a abandonnés. Corrigez la cause (panne d’un fournisseur, adresse erronée), puis renvoyez-les."),
        new("outbox.circuits", "Providers paused after repeated errors: {0}", "Fournisseurs suspendus après des erreurs répétées : {0}"),
        new("outbox.filter.channel", "Channel", "Canal"),
        new("outbox.filter.kind", "Kind", "Type"),
        new("outbox.filter.all", "All", "Tous"),
        new("outbox.kind.reply", "Reply to a citizen", "Réponse à un citoyen"),
        new("outbox.kind.notification", "Notification or alert", "Avis ou alerte"),
        new("outbox.kind.event", "Report event to a subscriber", "Événement de signalement à un abonné"),
        new("outbox.column.select", "Select", "Sélection"),
        new("outbox.column.time", "Written", "Écrit le"),
        new("outbox.column.channel", "Channel", "Canal"),
        new("outbox.column.kind", "Kind", "Type"),
        new("outbox.column.recipient", "Recipient", "Destinataire"),
        new("outbox.column.error", "Last error", "Dernière erreur"),
        new("outbox.column.attempts", "Attempts", "Tentatives"),
        new("outbox.column.actions", "Actions", "Actions"),
        new("outbox.select.row", "Select message {0}", "Sélectionner le message {0}"),
        new("outbox.select.all", "Select all listed messages", "Sélectionner tous les messages affichés"),
        new("outbox.retry", "Retry", "Renvoyer"),
        new("outbox.retry.row", "Retry message {0}", "Renvoyer le message {0}"),
        new("outbox.retry.selected", "Retry selected ({0})", "Renvoyer la sélection ({0})"),
        new("outbox.more", "Show older messages", "Afficher les messages plus anciens"),
        new("outbox.empty", "No failed messages. Everything the outbox had to send went out or is still being tried.", "Aucun message en échec. Tout ce que la boîte d’envoi devait envoyer est parti ou est encore en cours d’essai."),
        new("outbox.result.queued", "{0} message(s) queued again.", "{0} message(s) remis dans la file."),
        new("outbox.result.optedout", "Message {0} was not sent again: the citizen opted out of messages.", "Le message {0} n’a pas été renvoyé : le citoyen a refusé les messages."),
        new("outbox.result.notfailed", "Message {0} is no longer failed ({1}).", "Le message {0} n’est plus en échec ({1})."),
        new("outbox.result.notfound", "Message {0} no longer exists.", "Le message {0} n’existe plus."),
        new("outbox.updated", "The list was updated.", "La liste a été mise à jour."),
    ];
}
