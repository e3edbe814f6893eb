// health.cpp - database health checks.
#include <string>

#include "alertd/alerts.h"
#include "alertd/log.h"

namespace alertd {

Task<Status> fetch_db_status() {
    co_await next_tick(); // stands in for a round trip to the database
    co_return Status{true, 12, "db-primary"};
}

Task<bool> probe_database() {
    Status status = co_await fetch_db_status();
    log("db probe", status);
    co_return status.reachable;
}

Status current_db_status() {
    // Plain code that needs the result blocks on the task explicitly.
    return sync_wait(fetch_db_status());
}

void check_connection(std::string_view why) {
    // Plain (non-coroutine) function, so it cannot co_await.
    // BUG: `status` is a Task<Status> that is never awaited, not a Status.
    auto status = fetch_db_status();
    log("db status (" + std::string(why) + ")", status);
}

} // namespace alertd
