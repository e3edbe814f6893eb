// router.cpp - picks a handler for each alert based on its severity.
#include <utility>

#include "alertd/alerts.h"
#include "alertd/log.h"

namespace alertd {

Task<void> AlertRouter::route(Alert alert) {
    ++handled;
    switch (alert.severity) {
    case Severity::Warning:
        co_await on_warning(std::move(alert));
        break;
    case Severity::Critical:
        co_await on_critical(std::move(alert));
        break;
    case Severity::ClusterFailure:
        co_await on_cluster_failure(std::move(alert));
        break;
    }
}

Task<void> AlertRouter::route_batch(std::vector<Alert> alerts) {
    // Create one routing task per alert, then await them one by one.
    std::vector<Task<void>> pending;
    pending.reserve(alerts.size());
    for (Alert& alert : alerts)
        pending.push_back(route(std::move(alert)));
    for (Task<void>& task : pending)
        co_await std::move(task);
}

Task<void> AlertRouter::on_warning(Alert alert) {
    // Create the audit task first but only await it after notifying:
    // a lazy task can sit in a local until it is co_awaited.
    Task<void> audit = notifier.audit(alert);
    co_await notifier.dispatch(alert);
    co_await std::move(audit);
}

Task<void> AlertRouter::on_critical(Alert alert) {
    // A coroutine lambda: mark the alert as escalated and send it out.
    auto escalate = [this](Alert a) -> Task<void> {
        a.summary = "[ESCALATED] " + a.summary;
        co_await notifier.dispatch(std::move(a));
    };
    co_await escalate(alert);
    co_await notifier.audit(std::move(alert));
}

Task<void> AlertRouter::on_cluster_failure(Alert alert) {
    // A whole cluster is down: page everyone, then record it.
    alert.summary = "[CLUSTER DOWN] " + alert.summary;
    // BUG: the Task<void> from dispatch() is discarded, so the page is never sent.
    notifier.dispatch(alert);
    co_await notifier.audit(std::move(alert));
}

} // namespace alertd
