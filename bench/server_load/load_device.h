#pragma once

#include "im/rpc_channel.h"

#include <memory>
#include <string>

namespace softphone::bench::load {

// One provisioned device of an account, and its connection once opened.
struct Device
{
    std::string account;
    std::string deviceId;
    std::string token;
    std::unique_ptr<im::RpcChannel> channel;
    bool ready = false;
};

}  // namespace softphone::bench::load
