<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Workdays</name>
    <message>
        <source>, </source>
        <extracomment>The centre setting holding ``CalendarEdits`` (``centre_settings``). Where releases before the synced calendar kept each device&apos;s own list (``LocalState``). The years the built-in list of those releases covered: a published day of these years missing from a device&apos;s old list is one somebody removed there. How far ahead a missing year matters: the longest deadline (25 working days) plus the weeks a request may wait before it is dispatched. Days off the centre added (a local holiday, a schedule not yet in the package). Working days the centre added (a weekend day worked in exchange). Published days the centre struck out: they are ordinary weekdays or weekend days again. Years whose public holidays are known; in other years only weekends are days off.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>The public holiday schedule for {years} has not been published or is not in the calendar yet: deadlines in {years} count only weekends as days off. Once it is published, update Liaison, or have the service centre enter it under Request and proxy settings.</source>
        <translation>{years} 年的法定节假日安排尚未发布或尚未收录，相应年份的办理期限暂时只扣除周末。安排发布后，请更新驻企通，或由服务中心在“诉求与代办设置”中录入。</translation>
    </message>
</context>
</TS>
