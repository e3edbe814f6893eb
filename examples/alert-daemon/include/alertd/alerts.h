// alerts.h - the alert daemon's domain types and services.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "alertd/task.h"

namespace alertd {

enum class Severity { Warning, Critical, ClusterFailure };

struct Alert {
    std::uint64_t id = 0;
    Severity severity = Severity::Warning;
    std::string source;  // host or cluster that raised it
    std::string summary; // human readable text
};

// Result of a database health probe.
struct Status {
    bool reachable = false;
    int latency_ms = 0;
    std::string replica;
};

inline std::ostream& operator<<(std::ostream& os, Severity s) {
    switch (s) {
    case Severity::Warning: return os << "warning";
    case Severity::Critical: return os << "critical";
    case Severity::ClusterFailure: return os << "cluster-failure";
    }
    return os << "unknown";
}

inline std::ostream& operator<<(std::ostream& os, const Alert& a) {
    return os << '#' << a.id << ' ' << a.severity << " from " << a.source << ": " << a.summary;
}

inline std::ostream& operator<<(std::ostream& os, const Status& s) {
    return os << (s.reachable ? "up" : "DOWN") << " (" << s.replica << ", " << s.latency_ms << " ms)";
}

// Sends alerts to the configured channels (pager, chat, e-mail, ...).
class Notifier {
public:
    explicit Notifier(std::vector<std::string> channels);

    Task<void> dispatch(Alert alert);                   // send on every channel
    Task<void> send(std::string channel, Alert alert);  // send on one channel
    Task<void> audit(Alert alert);                      // append to the audit trail

    // Returns false if the alert was already marked; callers may ignore it.
    bool mark_delivered(std::uint64_t id);

    std::size_t sent_count() const { return sent_; }
    const std::vector<std::string>& channels() const { return channels_; }

private:
    std::vector<std::string> channels_;
    std::unordered_set<std::uint64_t> delivered_;
    std::size_t sent_ = 0;
};

// Decides what to do with an incoming alert based on its severity.
class AlertRouter {
public:
    explicit AlertRouter(Notifier& out) : notifier(out) {}

    Task<void> route(Alert alert);
    Task<void> route_batch(std::vector<Alert> alerts);

    std::size_t handled_count() const { return handled; }

private:
    Task<void> on_warning(Alert alert);
    Task<void> on_critical(Alert alert);
    Task<void> on_cluster_failure(Alert alert);

    Notifier& notifier;
    std::size_t handled = 0;
};

// Database health checks (health.cpp).
Task<Status> fetch_db_status();              // one round trip to the primary
Task<bool> probe_database();                 // async check, for coroutines
Status current_db_status();                  // blocking check, for plain code
void check_connection(std::string_view why); // logs the status, for plain code

// Runs `work` and logs when it has finished.
Task<void> logged(std::string label, Task<void> work);

} // namespace alertd
