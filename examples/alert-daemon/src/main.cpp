// main.cpp - wires the daemon together and replays a burst of alerts.
#include <utility>
#include <vector>

#include "alertd/alerts.h"
#include "alertd/log.h"

namespace alertd {

// Takes a task by value and awaits it: ownership moves into this coroutine.
Task<void> logged(std::string label, Task<void> work) {
    log("start " + label);
    co_await std::move(work);
    log("done " + label);
}

} // namespace alertd

namespace {

using alertd::Alert;
using alertd::Severity;
using alertd::Task;

Task<int> main_task() {
    alertd::Notifier notifier({"pager", "chat", "email"});
    alertd::AlertRouter router(notifier);

    // The daemon refuses to serve alerts if the database is unreachable.
    if (!co_await alertd::probe_database()) {
        alertd::log("database unreachable, exiting");
        co_return 1;
    }

    std::vector<Alert> burst = {
        {1, Severity::Warning, "web-03", "disk 85% full"},
        {2, Severity::Critical, "db-primary", "replication lag 40s"},
        {3, Severity::ClusterFailure, "eu-west", "all nodes unreachable"},
    };
    co_await alertd::logged("alert burst", router.route_batch(std::move(burst)));

    alertd::log("alerts handled", router.handled_count());
    alertd::log("notifications sent", notifier.sent_count());
    co_return 0;
}

} // namespace

int main() {
    // Synchronous start-up checks, before any coroutine is running.
    alertd::check_connection("startup");
    alertd::log("startup db status", alertd::current_db_status());

    return alertd::sync_wait(main_task());
}
