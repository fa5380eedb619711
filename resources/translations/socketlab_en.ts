<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionInspector</name>
    <message numerus="yes">
        <location filename="../../ui/connectioninspector.cpp" line="+240"/>
        <source>%1 in all, %n timeout(s) in a row now</source>
        <translation>
            <numerusform>%1 in all, %n timeout in a row now</numerusform>
            <numerusform>%1 in all, %n timeouts in a row now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/connectiontablemodel.cpp" line="+126"/>
        <source>%n byte(s) received</source>
        <translation>
            <numerusform>%n byte received</numerusform>
            <numerusform>%n bytes received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n byte(s) sent</source>
        <translation>
            <numerusform>%n byte sent</numerusform>
            <numerusform>%n bytes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+138"/>
        <source>%Ln segment(s) retransmitted in all</source>
        <translation>
            <numerusform>%Ln segment retransmitted in all</numerusform>
            <numerusform>%Ln segments retransmitted in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln timeout(s) in a row now</source>
        <translation>
            <numerusform>%Ln timeout in a row now</numerusform>
            <numerusform>%Ln timeouts in a row now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message numerus="yes">
        <location filename="../../app/cli/headlessrunner.cpp" line="+173"/>
        <source>%n connection(s) ended (--exit-after), stopping</source>
        <translation>
            <numerusform>%n connection ended (--exit-after), stopping</numerusform>
            <numerusform>%n connections ended (--exit-after), stopping</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message numerus="yes">
        <location filename="../../app/net/listener.cpp" line="+137"/>
        <source>%n connection(s) left open</source>
        <translation>
            <numerusform>%n connection left open</numerusform>
            <numerusform>%n connections left open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>Idle timeout: %n s</source>
        <translation>
            <numerusform>Idle timeout: %n s</numerusform>
            <numerusform>Idle timeout: %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>Faults for %n connection(s): %1</source>
        <translation>
            <numerusform>Faults for %n connection: %1</numerusform>
            <numerusform>Faults for %n connections: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Faults off for %n connection(s)</source>
        <translation>
            <numerusform>Faults off for %n connection</numerusform>
            <numerusform>Faults off for %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Sent %n byte(s)</source>
        <translation>
            <numerusform>Sent %n byte</numerusform>
            <numerusform>Sent %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>to %n connection(s)</source>
        <translation>
            <numerusform>to %n connection</numerusform>
            <numerusform>to %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Not sent to %n connection(s): the peer is not reading what was sent before</source>
        <translation>
            <numerusform>Not sent to %n connection: the peer is not reading what was sent before</numerusform>
            <numerusform>Not sent to %n connections: the peer is not reading what was sent before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Not sent to %n connection(s): the server has shut its sending side (half-closed or closing)</source>
        <translation>
            <numerusform>Not sent to %n connection: the server has shut its sending side (half-closed or closing)</numerusform>
            <numerusform>Not sent to %n connections: the server has shut its sending side (half-closed or closing)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>Closing %n connection(s)</source>
        <translation>
            <numerusform>Closing %n connection</numerusform>
            <numerusform>Closing %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>already %n connection(s) open, the maximum</source>
        <translation>
            <numerusform>already %n connection open, the maximum</numerusform>
            <numerusform>already %n connections open, the maximum</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListenerSummary</name>
    <message numerus="yes">
        <location filename="../../app/model/listenersummary.cpp" line="+28"/>
        <source>%n listening</source>
        <translation>
            <numerusform>%n listening</numerusform>
            <numerusform>%n listening</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stopped</source>
        <translation>
            <numerusform>%n stopped</numerusform>
            <numerusform>%n stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="+471"/>
        <source>The selected connection(s) have been half-closed: the server shut its sending side, so it can only read</source>
        <translation>
            <numerusform>The selected connection has been half-closed: the server shut its sending side, so it can only read</numerusform>
            <numerusform>The selected connections have been half-closed: the server shut its sending side, so it can only read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message numerus="yes">
        <location filename="../../ui/profileactions.cpp" line="+42"/>
        <source>Saved the profile %1 (%n listener(s))</source>
        <translation>
            <numerusform>Saved the profile %1 (%n listener)</numerusform>
            <numerusform>Saved the profile %1 (%n listeners)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Opened the profile %1 (%n listener(s), stopped)</source>
        <translation>
            <numerusform>Opened the profile %1 (%n listener, stopped)</numerusform>
            <numerusform>Opened the profile %1 (%n listeners, stopped)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResponseRule</name>
    <message numerus="yes">
        <location filename="../../app/model/responserule.cpp" line="+121"/>
        <source>reply: \%1 at position %2, but the match has %n group(s)</source>
        <translation>
            <numerusform>reply: \%1 at position %2, but the match has %n group</numerusform>
            <numerusform>reply: \%1 at position %2, but the match has %n groups</numerusform>
        </translation>
    </message>
</context>
</TS>
