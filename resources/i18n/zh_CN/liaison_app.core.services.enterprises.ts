<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Enterprise</name>
    <message>
        <source>Enterprise name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit every (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of employees cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit interval must be between 1 and 366 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} already has this credit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enterprise no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another enterprise now has this credit code; it cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
