// main.cpp - wires the daemon together and replays a burst of alerts.
#include <utility>
#include <vector>

#include "daemon/alerts.h"
#include "daemon/log.h"

namespace daemon {

// Takes a task by value and awaits it: ownership moves into this coroutine.
Task<void> logged(std::string label, Task<void> work) {
    log("start " + label);
    co_await std::move(work);
    log("done " + label);
}

} // namespace daemon

namespace {

using daemon::Alert;
using daemon::Severity;
using daemon::Task;

Task<int> main_task() {
    daemon::Notifier notifier({"pager", "chat", "email"});
    daemon::AlertRouter router(notifier);

    // The daemon refuses to serve alerts if the database is unreachable.
    if (!co_await daemon::probe_database()) {
        daemon::log("database unreachable, exiting");
        co_return 1;
    }

    std::vector<Alert> burst = {
        {1, Severity::Warning, "web-03", "disk 85% full"},
        {2, Severity::Critical, "db-primary", "replication lag 40s"},
        {3, Severity::ClusterFailure, "eu-west", "all nodes unreachable"},
    };
    co_await daemon::logged("alert burst", router.route_batch(std::move(burst)));

    daemon::log("alerts handled", router.handled_count());
    daemon::log("notifications sent", notifier.sent_count());
    co_return 0;
}

} // namespace

int main() {
    // Synchronous start-up checks, before any coroutine is running.
    daemon::check_connection("startup");
    daemon::log("startup db status", daemon::current_db_status());

    return daemon::sync_wait(main_task());
}
