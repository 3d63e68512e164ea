#include "chaos_soak/stored_histories.h"

#include "test_client.h"

namespace softphone::bench::chaos {

using protocol::json;
using test::TestClient;

StoredHistories StoredHistories::read(const QUrl &server, const std::vector<Account> &accounts)
{
    StoredHistories stored;
    for (const Account &account : accounts) {
        TestClient client(server, "soak-" + account.name, "cli");
        if (!client.open() || !client.loginWithToken(account.name, account.token).ok()) {
            ++stored.unreadableHistories;
            continue;
        }
        const auto current = client.call("call.current", json::object());
        if (!current.ok() || !current.result->empty())
            ++stored.openCalls;
        std::int64_t since = 0;
        for (bool more = true; more;) {
            const auto page = client.call("msg.sync", {{"since", since}, {"limit", 500}});
            if (!page.ok()) {
                ++stored.unreadableHistories;
                break;
            }
            for (const json &message : (*page.result)["messages"])
                stored.take(account.name, message);
            since = (*page.result)["cursor"].get<std::int64_t>();
            more = (*page.result)["hasMore"].get<bool>();
        }
    }
    return stored;
}

void StoredHistories::take(const std::string &reader, const json &message)
{
    const std::string from = message.value("from", std::string());
    const std::string type = message.value("msgType", std::string());
    if (type == "NRTC_NETCALL") {
        const json record = json::parse(message.value("attach", std::string()), nullptr, false);
        if (!record.is_object())
            return;
        records[reader][record.value("channelId", std::int64_t(0))].push_back(
            {message.value("msgidServer", std::int64_t(0)), record.value("status", 0)});
    } else if (type == "TEXT") {
        const auto key = std::make_pair(from, message.value("msgidClient", std::string()));
        if (reader == from)
            ++textsSeenBySender[key];
        else
            ++textsSeenByRecipient[key];
    }
}

}  // namespace softphone::bench::chaos
