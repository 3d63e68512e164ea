#include "cluster/request_envelope.h"

#include "protocol/json_fields.h"
#include "protocol/json_text.h"
#include "protocol/json_writer.h"
#include "protocol/text_lines.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace softphone::server {

using protocol::readDecimal;
using protocol::takeLine;

std::string requestAsLines(const ForwardedRequest &request)
{
    char id[24];
    const auto idEnd = std::to_chars(std::begin(id), std::end(id), request.id).ptr;
    std::string data;
    data.reserve(request.account.size() + request.device.size() + request.clientType.size() +
                 request.method.size() + request.params.size() + 32);
    data += request.form == ForwardedRequest::Form::Fields ? kRequestFieldsKind : kRequestLinesKind;
    for (std::string_view part : {request.account, request.device, request.clientType,
                                  std::string_view(id, std::size_t(idEnd - id)), request.method}) {
        data += '\n';
        data += part;
    }
    data += '\n';
    data += request.params;
    return data;
}

std::optional<ForwardedRequest> requestFromLines(std::string_view data)
{
    if (data.size() < 2 || (data[0] != kRequestLinesKind && data[0] != kRequestFieldsKind) ||
        data[1] != '\n')
        return std::nullopt;
    ForwardedRequest request;
    request.form = data[0] == kRequestFieldsKind ? ForwardedRequest::Form::Fields
                                                 : ForwardedRequest::Form::Json;
    data.remove_prefix(2);
    const auto account = takeLine(data), device = takeLine(data), clientType = takeLine(data),
               id = takeLine(data), method = takeLine(data);
    if (!account || !device || !clientType || !id || !method)
        return std::nullopt;
    if (!readDecimal(*id, request.id))
        return std::nullopt;
    request.account = *account;
    request.device = *device;
    request.clientType = *clientType;
    request.method = *method;
    request.params = data;
    return request;
}

// Its members in the order of their keys, as nodes before protocol 3 wrote it.
std::string requestAsJson(const ForwardedRequest &request)
{
    std::string data(1, kRequestJsonKind);
    data += "\n{\"account\":";
    protocol::appendJsonString(data, request.account);
    data += ",\"clientType\":";
    protocol::appendJsonString(data, request.clientType);
    data += ",\"device\":";
    protocol::appendJsonString(data, request.device);
    data += ",\"id\":";
    protocol::appendJsonInteger(data, request.id);
    data += ",\"method\":";
    protocol::appendJsonString(data, request.method);
    data += ",\"params\":";
    data += request.params;
    data += '}';
    return data;
}

std::optional<RequestFromJson> RequestFromJson::read(std::string_view data)
{
    if (data.size() < 2 || data[0] != kRequestJsonKind || data[1] != '\n')
        return std::nullopt;
    data.remove_prefix(2);
    // Its size was bounded by the node that took it from its client and by NATS.
    const auto parsed = protocol::parseJsonText(data, data.size());
    if (!parsed || !parsed->is_object())
        return std::nullopt;
    RequestFromJson read;
    try {
        read.m_account = parsed->at("account").get<std::string>();
        read.m_device = parsed->at("device").get<std::string>();
        read.m_clientType = parsed->at("clientType").get<std::string>();
        // As a client's request id is read: a number out of range is no id (a float's cast
        // to an integer would be undefined).
        protocol::DecodeError error;
        if (!protocol::detail::readValue(parsed->at("id"), read.m_id, "id", error))
            return std::nullopt;
        read.m_method = parsed->at("method").get<std::string>();
        read.m_params = protocol::dumpJson(parsed->at("params"));
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;  // another version's request, or a damaged one
    }
    return read;
}

ForwardedRequest RequestFromJson::request() const
{
    return {m_account, m_device, m_clientType, m_id, m_method, ForwardedRequest::Form::Json,
            m_params};
}

}  // namespace softphone::server
