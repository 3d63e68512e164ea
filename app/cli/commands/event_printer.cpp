#include "commands/event_printer.h"

#include "im/local_store.h"
#include "protocol/call_record.h"

namespace softphone::cli {

void EventPrinter::print(std::string_view event, const protocol::json &fields)
{
    std::string line = protocol::json{{"event", event}}.dump();
    if (fields.is_object() && !fields.empty()) {
        line.pop_back();  // the closing brace
        line += ',';
        line += fields.dump().substr(1);
    }
    std::fprintf(m_out, "%s\n", line.c_str());
    std::fflush(m_out);
}

void EventPrinter::printOrdered(std::string_view event, const nlohmann::ordered_json &fields)
{
    nlohmann::ordered_json line = {{"event", event}};
    for (const auto &[key, value] : fields.items())
        line[key] = value;
    std::fprintf(m_out, "%s\n", line.dump().c_str());
    std::fflush(m_out);
}

void EventPrinter::error(const QString &message)
{
    std::fprintf(m_err, "softphone-cli: %s\n", qPrintable(message));
    std::fflush(m_err);
}

protocol::json EventPrinter::messageFields(const im::StoredMessage &stored)
{
    const protocol::Message &m = stored.message;
    protocol::json fields = protocol::toJson(m);
    if (m.msgType == protocol::MsgType::CallRecord) {
        if (auto record = protocol::CallRecord::parse(m.attach))
            fields["record"] = record->toJson();
    }
    fields["delivery"] = stored.delivery == im::DeliveryState::Pending     ? "pending"
                         : stored.delivery == im::DeliveryState::Failed    ? "failed"
                         : stored.delivery == im::DeliveryState::LocalOnly ? "local"
                         : stored.delivery == im::DeliveryState::Delivered ? "delivered"
                         : stored.delivery == im::DeliveryState::Read      ? "read"
                                                                           : "sent";
    return fields;
}

}  // namespace softphone::cli
