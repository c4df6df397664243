<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Printers</name>
    <message>
        <source>The printer “{name}” is out of paper. Load paper, then print again.</source>
        <extracomment>IPP ``printer-state`` 5: stopped (``cupsdisable``, or a backend that gave up). printer-state-reasons keywords (RFC 8011 §5.4.12, PWG 5100.9) that stop printing.</extracomment>
        <translation>打印机“{name}”缺纸。请装纸后再打印。</translation>
    </message>
    <message>
        <source>Paper is jammed in the printer “{name}”. Clear the jam, then print again.</source>
        <translation>打印机“{name}”卡纸。请清除卡纸后再打印。</translation>
    </message>
    <message>
        <source>The printer “{name}” is out of toner or ink. Replace it, then print again.</source>
        <translation>打印机“{name}”墨粉或墨水已用完。请更换后再打印。</translation>
    </message>
    <message>
        <source>A door or cover of the printer “{name}” is open. Close it, then print again.</source>
        <translation>打印机“{name}”的仓门或盖板未关。请关好后再打印。</translation>
    </message>
    <message>
        <source>The printer “{name}” is off or not connected. Switch it on and check its cable, then print again.</source>
        <translation>打印机“{name}”未开机或未连接。请打开电源并检查连线后再打印。</translation>
    </message>
    <message>
        <source>There is no printer “{name}” on this computer. Choose another printer, or set it up again in the system settings.</source>
        <translation>本机没有名为“{name}”的打印机。请选择其他打印机，或在系统设置中重新添加。</translation>
    </message>
    <message>
        <source>The printer “{name}” is paused. Resume it in the system&apos;s printer settings, then print again.</source>
        <translation>打印机“{name}”已暂停。请在系统的打印机设置中恢复后再打印。</translation>
    </message>
    <message>
        <source>The printer “{name}” is not accepting jobs. Enable it in the system&apos;s printer settings, then print again.</source>
        <translation>打印机“{name}”不接受打印任务。请在系统的打印机设置中启用后再打印。</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Add one in the system settings, or save the form as PDF.</source>
        <translation>本机没有设置打印机。请在系统设置中添加打印机，或将表单另存为 PDF。</translation>
    </message>
    <message>
        <source>The printer “{name}” could not be started. Check that it is switched on and connected, then print again.</source>
        <extracomment>Qt could not open the job at all (a queue CUPS knows nothing wrong about).</extracomment>
        <translation>无法启动打印机“{name}”。请检查是否已开机并连接好，然后再打印。</translation>
    </message>
</context>
</TS>
