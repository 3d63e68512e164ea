// The party's texts: kept in its outbox until acknowledged, journaled when they are.

#include "chaos_client/party.h"

#include <algorithm>

namespace softphone::bench::chaos {

void Party::queueText()
{
    Text text{randomPeer(),
              "t-" + m_settings.tag + "-" + m_account + "-" + std::to_string(++m_sequence),
              "soak " + std::to_string(m_sequence)};
    m_outbox.push_back(text);
    sendText(text);
}

void Party::sendText(const Text &text)
{
    request("msg.send",
            {{"to", text.to},
             {"msgType", "TEXT"},
             {"body", text.body},
             {"msgidClient", text.msgidClient}},
            [this, text](const im::RpcReply &reply) {
                if (!reply.ok()) {
                    if (reply.code() < 9000 && reply.code() != 5001)
                        note("error", {{"what", "msg.send " + std::to_string(reply.code())}});
                    return;
                }
                const auto found =
                    std::find_if(m_outbox.begin(), m_outbox.end(),
                                 [&](const Text &t) { return t.msgidClient == text.msgidClient; });
                if (found == m_outbox.end())
                    return;  // a resend's ack after the first one's
                m_outbox.erase(found);
                note("text", {{"id", text.msgidClient}, {"to", text.to}});
            });
}

}  // namespace softphone::bench::chaos
