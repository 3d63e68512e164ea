<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CallRecordPresenter</name>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="27"/>
        <source>Outgoing video call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="28"/>
        <source>Outgoing voice call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="29"/>
        <source>Incoming video call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="30"/>
        <source>Incoming voice call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="32"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="32"/>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>Missed call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <source>You declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>Line busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>Missed call (you were busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="47"/>
        <source>[Missed video call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="47"/>
        <source>[Missed voice call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="48"/>
        <source>[Video call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="48"/>
        <source>[Voice call]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
