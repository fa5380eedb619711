#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

// The addresses a listener can bind to, for the address picker.
struct BindAddress
{
    QString address; // as typed: "127.0.0.1"
    QString label;   // shown: "127.0.0.1 (loopback)"
};

// 127.0.0.1, ::1, 0.0.0.0, :: and then every address of every interface that is up.
QList<BindAddress> bindAddressChoices();
