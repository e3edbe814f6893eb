// notifier.cpp - delivery of alerts to the outside world.
#include <iostream>
#include <utility>

#include "alertd/alerts.h"
#include "alertd/log.h"

namespace alertd {

Notifier::Notifier(std::vector<std::string> channels) : channels_(std::move(channels)) {}

Task<void> Notifier::send(std::string channel, Alert alert) {
    co_await next_tick(); // stands in for the HTTP request to the channel
    std::cout << "  -> [" << channel << "] " << alert << '\n';
    ++sent_;
}

Task<void> Notifier::dispatch(Alert alert) {
    // One send task per channel, collected in a vector and awaited together.
    std::vector<Task<void>> sends;
    sends.reserve(channels_.size());
    for (const std::string& channel : channels_)
        sends.push_back(send(channel, alert));
    co_await when_all(std::move(sends));

    // The bool result only says whether this was the first delivery;
    // ignoring it is fine (and it is not a task).
    mark_delivered(alert.id);
}

Task<void> Notifier::audit(Alert alert) {
    co_await next_tick(); // stands in for the write to the audit log
    log("audit", alert);
}

bool Notifier::mark_delivered(std::uint64_t id) {
    return delivered_.insert(id).second;
}

} // namespace alertd
