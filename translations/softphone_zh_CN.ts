<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallRecordPresenter</name>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="27"/>
        <source>Outgoing video call · %1</source>
        <translation>视频通话（呼出） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="28"/>
        <source>Outgoing voice call · %1</source>
        <translation>语音通话（呼出） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="29"/>
        <source>Incoming video call · %1</source>
        <translation>视频通话（呼入） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="30"/>
        <source>Incoming voice call · %1</source>
        <translation>语音通话（呼入） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="32"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="32"/>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <source>Declined</source>
        <translation>对方已拒绝</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <source>You declined</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>No answer</source>
        <translation>对方无应答</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>Line busy</source>
        <translation>对方忙线</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>Missed call (you were busy)</source>
        <translation>未接来电（忙线中）</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="47"/>
        <source>[Missed video call]</source>
        <translation>[未接视频通话]</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="47"/>
        <source>[Missed voice call]</source>
        <translation>[未接语音通话]</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="48"/>
        <source>[Video call]</source>
        <translation>[视频通话]</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="48"/>
        <source>[Voice call]</source>
        <translation>[语音通话]</translation>
    </message>
</context>
</TS>
