<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditLog</name>
    <message>
        <source>audit entry #%1 was removed</source>
        <translation>审计条目 #%1 被删除</translation>
    </message>
    <message>
        <source>audit entry #%1 (%2 by %3) does not match its hash: it or an earlier entry was changed</source>
        <translation>审计条目 #%1（%3 的 %2）与其哈希不符：它或之前的条目被修改过</translation>
    </message>
    <message>
        <source>write the audit entry</source>
        <translation>写入审计条目</translation>
    </message>
</context>
<context>
    <name>Authority</name>
    <message>
        <source>%1 may not do %2; ask someone whose role may</source>
        <translation>%1 无权执行 %2；请找有此权限的人</translation>
    </message>
    <message>
        <source>%1 needs a proven operator once the line has an admin; give --operator ADMIN</source>
        <translation>%1 需要经过验证的操作员（产线已设管理员）；请给出 --operator ADMIN</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>no file %1</source>
        <translation>没有文件 %1</translation>
    </message>
    <message>
        <source>%1 is damaged or not a ReworkTrack database (%2); choose another backup</source>
        <translation>%1 已损坏或不是 ReworkTrack 数据库（%2）；请选择其他备份</translation>
    </message>
    <message>
        <source>make a backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>%1 exists already; give a new file name, a backup replaces nothing</source>
        <translation>%1 已存在；请给一个新文件名，备份不会覆盖任何文件</translation>
    </message>
    <message>
        <source>%1 is the name of an unfinished backup; give a name ending in .sqlite</source>
        <translation>%1 是未完成备份的文件名；请给一个以 .sqlite 结尾的名字</translation>
    </message>
    <message>
        <source>%1 is not a folder; give a file in an existing folder</source>
        <translation>%1 不是文件夹；请给出现有文件夹中的文件</translation>
    </message>
    <message>
        <source>cannot write into the folder %1; choose a folder you may write to</source>
        <translation>无法写入文件夹 %1；请选择有写权限的文件夹</translation>
    </message>
</context>
<context>
    <name>BarcodeSymbol</name>
    <message>
        <source>out of memory while making a barcode</source>
        <translation>生成条码时内存不足</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be encoded: %2</source>
        <translation>“%1”无法编码：%2</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>bent</source>
        <translation>弯曲</translation>
    </message>
    <message>
        <source>burnt</source>
        <translation>烧毁</translation>
    </message>
    <message>
        <source>missing parts</source>
        <translation>缺件</translation>
    </message>
    <message>
        <source>liquid damage</source>
        <translation>进液损坏</translation>
    </message>
    <message>
        <source>physical damage</source>
        <translation>物理损坏</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>chipped die</source>
        <translation>芯片崩角</translation>
    </message>
    <message>
        <source>cracked substrate</source>
        <translation>基板开裂</translation>
    </message>
    <message>
        <source>lifted pads</source>
        <translation>焊盘脱落</translation>
    </message>
    <message>
        <source>memory damaged</source>
        <translation>显存损坏</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>SAC305 (lead-free)</source>
        <translation>SAC305（无铅）</translation>
    </message>
    <message>
        <source>Sn63Pb37 (leaded)</source>
        <translation>Sn63Pb37（有铅）</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <source>stripped</source>
        <translation>已拆解</translation>
    </message>
    <message>
        <source>reballed</source>
        <translation>已植球</translation>
    </message>
    <message>
        <source>mounted</source>
        <translation>已贴装</translation>
    </message>
    <message>
        <source>remounted</source>
        <translation>已重新贴装</translation>
    </message>
    <message>
        <source>failed, back to reball</source>
        <translation>不合格，返回植球</translation>
    </message>
    <message>
        <source>failed, scrapped</source>
        <translation>不合格，已报废</translation>
    </message>
    <message>
        <source>scrapped</source>
        <translation>已报废</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>已装箱</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已出货</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>baked</source>
        <translation>已烘烤</translation>
    </message>
    <message>
        <source>inspected</source>
        <translation>已检测</translation>
    </message>
    <message>
        <source>tested</source>
        <translation>已测试</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未封箱</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>--db needs a file path</source>
        <translation>--db 需要文件路径</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; run reworkctl --help</source>
        <translation>未知命令“%1”；请运行 reworkctl --help</translation>
    </message>
    <message>
        <source>Usage: reworkctl init
Creates the database, or brings its schema up to date.
</source>
        <translation>用法：reworkctl init
创建数据库，或将其结构升级到最新版本。
</translation>
    </message>
    <message>
        <source>init takes no arguments</source>
        <translation>init 不需要参数</translation>
    </message>
    <message>
        <source>database %1 ready (schema version %2)</source>
        <translation>数据库 %1 已就绪（结构版本 %2）</translation>
    </message>
    <message>
        <source>--units must be a whole number from 1 to 1000000</source>
        <translation>--units 必须是 1 到 1000000 之间的整数</translation>
    </message>
    <message>
        <source>--days must be a whole number from 1 to 3650</source>
        <translation>--days 必须是 1 到 3650 之间的整数</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed 必须是整数</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>demo data: %1 donor cards, %2 units passed test, %3 repair loops, %4 scrapped, %5 events</source>
        <translation>演示数据：%1 张来料卡，%2 台整机测试合格，%3 次返修，%4 件报废，%5 条事件</translation>
    </message>
    <message>
        <source>demo operators OP001..OP004, supervisor SUP01, admin ADMIN; PIN %1</source>
        <translation>演示操作员 OP001..OP004，主管 SUP01，管理员 ADMIN；PIN %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>unknown operator command &quot;%1&quot;</source>
        <translation>未知的 operator 命令“%1”</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>give exactly one operator ID</source>
        <translation>请给出且只给出一个操作员编号</translation>
    </message>
    <message>
        <source>--name, --role and --pin are required</source>
        <translation>必须提供 --name、--role 和 --pin</translation>
    </message>
    <message>
        <source>operator %1 added as %2</source>
        <translation>已添加操作员 %1，角色 %2</translation>
    </message>
    <message>
        <source>unknown station command &quot;%1&quot;</source>
        <translation>未知的 station 命令“%1”</translation>
    </message>
    <message>
        <source>give one station ID and --step</source>
        <translation>请给出一个工位编号和 --step</translation>
    </message>
    <message>
        <source>station %1 added for %2</source>
        <translation>已添加 %2 工位 %1</translation>
    </message>
    <message>
        <source>Usage: reworkctl record %1 --station S --operator O key=value ...
Fields:
</source>
        <translation>用法：reworkctl record %1 --station 工位 --operator 操作员 键=值 ...
字段：
</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>--station is required</source>
        <translation>必须提供 --station</translation>
    </message>
    <message>
        <source>--operator is required</source>
        <translation>必须提供 --operator</translation>
    </message>
    <message>
        <source>recorded %1 of %2 (event %3)</source>
        <translation>已记录 %2 的 %1（事件 %3）</translation>
    </message>
    <message>
        <source>unit %1 goes back to reball (repair loop)</source>
        <translation>整机 %1 返回植球（返修）</translation>
    </message>
    <message>
        <source>unit %1 reached the repair limit and is scrapped</source>
        <translation>整机 %1 已达返修上限，已报废</translation>
    </message>
    <message>
        <source>unknown batch command &quot;%1&quot;</source>
        <translation>未知的 batch 命令“%1”</translation>
    </message>
    <message>
        <source>give the batch id</source>
        <translation>请给出批次号</translation>
    </message>
    <message>
        <source>Usage: reworkctl void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]
</source>
        <translation>用法：reworkctl void 事件编号 --reason 原因 --operator 主管 [--station 工位]
</translation>
    </message>
    <message>
        <source>give exactly one event id</source>
        <translation>请给出且只给出一个事件编号</translation>
    </message>
    <message>
        <source>voided %1 (event %2)</source>
        <translation>已作废 %1（事件 %2）</translation>
    </message>
    <message>
        <source>Usage: reworkctl trace SERIAL
Shows the genealogy and timeline of a card, die, board, unit, batch or GPU UUID.
</source>
        <translation>用法：reworkctl trace 序列号
显示卡、芯片、主板、整机、批次或 GPU UUID 的谱系和时间线。
</translation>
    </message>
    <message>
        <source>give exactly one serial</source>
        <translation>请给出且只给出一个序列号</translation>
    </message>
    <message>
        <source>database ok: integrity check passed and derived state equals the event log</source>
        <translation>数据库正常：完整性检查通过，派生状态与事件日志一致</translation>
    </message>
    <message>
        <source>give KEY and VALUE</source>
        <translation>请给出键和值</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>unknown config command &quot;%1&quot;</source>
        <translation>未知的 config 命令“%1”</translation>
    </message>
    <message>
        <source>nvidia-smi -q -x report: fills gpu_uuid, vbios, mem_mib, pcie_gen, pcie_width, temp_max_c, driver</source>
        <translation>nvidia-smi -q -x 报告：自动填写 gpu_uuid、vbios、mem_mib、pcie_gen、pcie_width、temp_max_c、driver</translation>
    </message>
    <message>
        <source>which GPU of a multi-GPU report</source>
        <translation>多 GPU 报告中的第几块 GPU</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step; use intake, strip, reball, mount, inspect, test, pack, scrap or bake</source>
        <translation>“%1”不是工序；请使用 intake、strip、reball、mount、inspect、test、pack、scrap 或 bake</translation>
    </message>
    <message>
        <source>Usage: reworkctl commands --pdf FILE
Writes a sheet of command barcodes (save, clear, pass, fail, print label, each defect code) to print for the benches.
</source>
        <translation>用法：reworkctl commands --pdf 文件
生成命令条码表（保存、清空、合格、不合格、打印标签、各缺陷代码），打印后放在工位上。
</translation>
    </message>
    <message>
        <source>give --pdf FILE</source>
        <translation>请给出 --pdf 文件</translation>
    </message>
    <message>
        <source>command sheet written to %1</source>
        <translation>命令条码表已写入 %1</translation>
    </message>
    <message>
        <source>--%1 must be a date like 2026-11-29</source>
        <translation>--%1 必须是日期，如 2026-11-29</translation>
    </message>
    <message>
        <source>--from is after --to</source>
        <translation>--from 晚于 --to</translation>
    </message>
    <message>
        <source>--aging-hours must be a positive number</source>
        <translation>--aging-hours 必须是正数</translation>
    </message>
    <message>
        <source>KPIs %1 .. %2</source>
        <translation>关键指标 %1 .. %2</translation>
    </message>
    <message>
        <source>cards received %1, units mounted %2</source>
        <translation>来料卡 %1 张，贴装整机 %2 台</translation>
    </message>
    <message>
        <source>first-pass yield: inspect %1, test %2; rolled throughput yield %3</source>
        <translation>一次通过率：检测 %1，测试 %2；直通率 %3</translation>
    </message>
    <message>
        <source>final yield %1, scrap rate %2, retest rate %3</source>
        <translation>最终良率 %1，报废率 %2，复测率 %3</translation>
    </message>
    <message>
        <source>defects: %1</source>
        <translation>缺陷：%1</translation>
    </message>
    <message>
        <source>MSL alarms: %1; anomalies: %2</source>
        <translation>湿敏告警：%1；异常：%2</translation>
    </message>
    <message>
        <source>Usage: reworkctl recall SERIAL [--by lot,flux_lot,stencil,profile,operator,window] [--hours H]
Every other item that shares a donor lot, flux lot, stencil, reflow profile, mounting operator or mount time window (± H hours, default 4) with SERIAL, and where it is now; shipped items first.
</source>
        <translation>用法：reworkctl recall 序列号 [--by lot,flux_lot,stencil,profile,operator,window] [--hours 小时]
列出与该序列号共用来料批号、助焊剂批号、钢网、回流曲线、贴装操作员或贴装时间窗（± 小时，默认 4）的所有其他物品及其当前位置；已出货的排在最前。
</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a link; use lot, flux_lot, stencil, profile, operator or window</source>
        <translation>“%1”不是关联方式；请使用 lot、flux_lot、stencil、profile、operator 或 window</translation>
    </message>
    <message>
        <source>--hours must be a positive number</source>
        <translation>--hours 必须是正数</translation>
    </message>
    <message>
        <source>%1 items share something with %2</source>
        <translation>%1 件物品与 %2 有共同点</translation>
    </message>
    <message>
        <source>report written to %1</source>
        <translation>报表已写入 %1</translation>
    </message>
    <message>
        <source>unknown report &quot;%1&quot;; use daily, shift or batch</source>
        <translation>未知报表“%1”；请使用 daily、shift 或 batch</translation>
    </message>
    <message>
        <source>--date must be a date like 2026-11-29</source>
        <translation>--date 必须是日期，如 2026-11-29</translation>
    </message>
    <message>
        <source>Night shift report %1</source>
        <translation>夜班报表 %1</translation>
    </message>
    <message>
        <source>Day shift report %1</source>
        <translation>白班报表 %1</translation>
    </message>
    <message>
        <source>Daily report %1</source>
        <translation>日报 %1</translation>
    </message>
    <message>
        <source>--shift must be day or night</source>
        <translation>--shift 必须是 day 或 night</translation>
    </message>
    <message>
        <source>KPIs of batch %1</source>
        <translation>批次 %1 的指标</translation>
    </message>
    <message>
        <source>  reprint: %1</source>
        <translation>  补打：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n queued label(s) sent</source>
        <translation>
            <numerusform>已发送 %n 个排队的标签</numerusform>
        </translation>
    </message>
    <message>
        <source>give the serial or batch the label is for</source>
        <translation>请给出标签对应的序列号或批次</translation>
    </message>
    <message>
        <source>give exactly one of --pdf FILE, --zpl FILE, --send HOST:PORT</source>
        <translation>请只给出 --pdf 文件、--zpl 文件、--send 主机:端口 中的一个</translation>
    </message>
    <message>
        <source>the output needs a file or printer address</source>
        <translation>输出需要文件名或打印机地址</translation>
    </message>
    <message>
        <source>%1 label of %2 reprinted to %3</source>
        <translation>%2 的 %1 标签已补打到 %3</translation>
    </message>
    <message>
        <source>%1 label of %2 printed to %3</source>
        <translation>%2 的 %1 标签已打印到 %3</translation>
    </message>
    <message>
        <source>give --server URL</source>
        <translation>请给出 --server 地址</translation>
    </message>
    <message>
        <source>server schema ready at %1</source>
        <translation>服务器表结构已就绪：%1</translation>
    </message>
    <message>
        <source>--retries must be 1 to 10</source>
        <translation>--retries 必须在 1 到 10 之间</translation>
    </message>
    <message>
        <source>--batch must be 1 to 10000</source>
        <translation>--batch 必须在 1 到 10000 之间</translation>
    </message>
    <message>
        <source>--nightly must be a time like 02:00</source>
        <translation>--nightly 必须是 02:00 这样的时间</translation>
    </message>
    <message>
        <source>server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>events waiting to be sent: %1</source>
        <translation>等待发送的事件：%1</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <source>sync server set to %1 (nightly at %2)</source>
        <translation>同步服务器已设为 %1（每晚 %2）</translation>
    </message>
    <message>
        <source>sync done: %1 events sent, %2 received, %3 could not be applied here</source>
        <translation>同步完成：发送 %1 个事件，接收 %2 个，%3 个无法在此应用</translation>
    </message>
    <message>
        <source>--keep must be 1 to 365</source>
        <translation>--keep 必须在 1 到 365 之间</translation>
    </message>
    <message>
        <source>backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>verify takes no arguments</source>
        <translation>verify 不接受参数</translation>
    </message>
    <message>
        <source>the event log was tampered with: %1</source>
        <translation>事件日志被篡改：%1</translation>
    </message>
    <message>
        <source>the audit log was tampered with: %1</source>
        <translation>审计日志被篡改：%1</translation>
    </message>
    <message>
        <source>hash chains intact: %1 events, head %2; %3 audit entries</source>
        <translation>哈希链完好：%1 个事件，链头 %2；%3 条审计条目</translation>
    </message>
    <message>
        <source>give the backup file</source>
        <translation>请给出备份文件</translation>
    </message>
    <message>
        <source>give the operator ID and the new role</source>
        <translation>请给出操作员编号和新角色</translation>
    </message>
    <message>
        <source>--pin is required</source>
        <translation>必须提供 --pin</translation>
    </message>
    <message>
        <source>operator %1 enabled</source>
        <translation>操作员 %1 已启用</translation>
    </message>
    <message>
        <source>PIN of %1 reset; any lock is lifted</source>
        <translation>%1 的 PIN 已重置；锁定已解除</translation>
    </message>
    <message>
        <source>operator %1 is now %2</source>
        <translation>操作员 %1 现在是 %2</translation>
    </message>
    <message>
        <source>sync is not set up on this PC; nothing to do</source>
        <translation>本电脑未设置同步；无需操作</translation>
    </message>
    <message>
        <source>Usage: reworkctl [--db PATH] [--json] [--verbose] COMMAND ...

Commands:
</source>
        <translation>用法：reworkctl [--db 路径] [--json] [--verbose] 命令 ...

命令：
</translation>
    </message>
    <message>
        <source>  commands --pdf FILE                    printable sheet of command barcodes
</source>
        <translation>  commands --pdf 文件                    可打印的命令条码表
</translation>
    </message>
    <message>
        <source>  backup [--to FILE] [--keep N]          online copy (default: DATA/backups, newest N kept)
</source>
        <translation>  backup [--to 文件] [--keep N]          在线备份（默认：数据文件夹/backups，保留最新 N 个）
</translation>
    </message>
    <message>
        <source>  record STEP --station S --operator O key=value ...
         STEP: intake strip reball mount inspect test pack scrap bake
</source>
        <translation>  record 工序 --station 工位 --operator 操作员 键=值 ...
         工序：intake strip reball mount inspect test pack scrap bake
</translation>
    </message>
    <message>
        <source>  void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]
</source>
        <translation>  void 事件编号 --reason 原因 --operator 主管 [--station 工位]
</translation>
    </message>
    <message>
        <source>  trace SERIAL                           genealogy and timeline of any serial
</source>
        <translation>  trace 序列号                           任意序列号的谱系和时间线
</translation>
    </message>
    <message>
        <source>  kpi [--from DATE] [--to DATE] [--shift day|night] [--station S] [--model M] [--batch B]
                                         supervisor figures
</source>
        <translation>  kpi [--from 日期] [--to 日期] [--shift day|night] [--station 工位] [--model 型号] [--batch 批次]
                                         主管指标
</translation>
    </message>
    <message>
        <source>  recall SERIAL [--by lot,flux_lot,stencil,profile,operator,window] [--hours H]
</source>
        <translation>  recall 序列号 [--by lot,flux_lot,stencil,profile,operator,window] [--hours 小时]
</translation>
    </message>
    <message>
        <source>  report daily|shift|batch ... --pdf FILE   printable reports (report --help)
</source>
        <translation>  report daily|shift|batch ... --pdf 文件   可打印报表（report --help）
</translation>
    </message>
    <message>
        <source>  init                                   create or upgrade the database
</source>
        <translation>  init                                   创建或升级数据库
</translation>
    </message>
    <message>
        <source>  sync [--server URL] [--if-configured] | sync configure --server URL | sync status   (sync --help)
</source>
        <translation>  sync [--server 地址] [--if-configured] | sync configure --server 地址 | sync status   （sync --help）
</translation>
    </message>
    <message>
        <source>--force and --reason TEXT go together</source>
        <translation>--force 必须与 --reason TEXT 一起使用</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>database %1 restored from %2 and checked: %3 events before, %4 now</source>
        <translation>数据库 %1 已从 %2 恢复并检查：恢复前 %3 条记录，现在 %4 条</translation>
    </message>
    <message>
        <source>the replaced database is kept as %1</source>
        <translation>被替换的数据库保留为 %1</translation>
    </message>
    <message>
        <source>Usage: reworkctl backup [--to FILE] [--keep N]
An online copy of the database (work may go on meanwhile), written as FILE.partial, checked with integrity_check, synced, and only then named FILE; readable by its owner only. FILE must be new, in an existing folder you may write to. Default: DATA/backups/reworktrack-DATE-TIME.sqlite, keeping the newest N (7).
</source>
        <translation>用法：reworkctl backup [--to FILE] [--keep N]
数据库的在线副本（期间可继续工作）：先写为 FILE.partial，经 integrity_check 检查并同步到磁盘后才命名为 FILE；仅所有者可读。FILE 必须是新文件，位于有写权限的现有文件夹中。默认：DATA/backups/reworktrack-日期-时间.sqlite，保留最新 N 份（7）。
</translation>
    </message>
    <message>
        <source>next: %1 (scan into %2)</source>
        <translation>下一步：%1（扫入 %2）</translation>
    </message>
    <message>
        <source>next: nothing at a station</source>
        <translation>下一步：无需工位处理</translation>
    </message>
    <message>
        <source>  resolve SERIAL                         what a scan is, where it is, its next step
</source>
        <translation>  resolve SERIAL                         扫描的是什么、现在在哪、下一步是什么
</translation>
    </message>
    <message>
        <source>Usage: reworkctl resolve SERIAL [--json]
Says what a scanned card, die, board, unit, batch or GPU UUID is, where it is now and which step it needs next, as &quot;scan anything&quot; (F2) does.
</source>
        <translation>用法：reworkctl resolve SERIAL [--json]
说明扫描的显卡、芯片、主板、整机、批次或 GPU UUID 是什么、现在在哪以及下一步需要哪道工序，与“任意扫描”（F2）相同。
</translation>
    </message>
    <message>
        <source>
Global options:
  --db PATH     database file (default: $REWORKTRACK_DB, else the file chosen in the app&apos;s settings,
                else the user&apos;s data folder)
  --json        machine-readable output
  --verbose     log to stderr as well as to the log file
  --pin-stdin   read the acting operator&apos;s PIN from the first line of stdin (else
                $REWORKTRACK_PIN, else a prompt on a terminal)
  --version     print the version

COMMAND --help shows the fields of a command. A command that creates an id prints it
alone on the last line. Exit codes: 0 success, 1 refused, 2 usage, 3 storage.
</source>
        <translation>
全局选项：
  --db PATH     数据库文件（默认：$REWORKTRACK_DB，否则为程序设置中选择的文件，
                否则为用户数据文件夹）
  --json        机器可读的输出
  --verbose     同时把日志输出到 stderr
  --pin-stdin   从标准输入的第一行读取操作员的 PIN（否则读取
                $REWORKTRACK_PIN，否则在终端上提示输入）
  --version     显示版本

COMMAND --help 显示命令的字段。生成编号的命令会把编号单独打印在
最后一行。退出码：0 成功，1 被拒绝，2 用法错误，3 存储错误。
</translation>
    </message>
    <message>
        <source>PIN of %1: </source>
        <translation>%1 的 PIN：</translation>
    </message>
    <message>
        <source>%1 must prove who acts: type the PIN at the prompt, give it with --pin-stdin or in REWORKTRACK_PIN</source>
        <translation>%1 必须证明操作者身份：在提示处输入 PIN，或用 --pin-stdin 或 REWORKTRACK_PIN 提供</translation>
    </message>
    <message>
        <source>Usage: reworkctl config list | config set KEY VALUE --operator ADMIN
</source>
        <translation>用法：reworkctl config list | config set KEY VALUE --operator ADMIN
</translation>
    </message>
    <message>
        <source>--repair-chain needs --reason TEXT and --operator ADMIN</source>
        <translation>--repair-chain 需要 --reason TEXT 和 --operator ADMIN</translation>
    </message>
    <message>
        <source>%1 events linked; verify reports this repair from now on</source>
        <translation>已链接 %1 条记录；今后 verify 会报告这次修复</translation>
    </message>
    <message>
        <source>the logs were tampered with: %1</source>
        <translation>日志被篡改：%1</translation>
    </message>
    <message>
        <source>  batch close BATCH --operator O [--station S]
  batch ship BATCH --operator O [--station S] [carrier=TEXT]
</source>
        <translation>  batch close BATCH --operator O [--station S]
  batch ship BATCH --operator O [--station S] [carrier=TEXT]
</translation>
    </message>
    <message>
        <source>Usage: reworkctl batch close BATCH --operator O [--station S]
       reworkctl batch ship BATCH --operator O [--station S] [carrier=TEXT]
</source>
        <translation>用法：reworkctl batch close BATCH --operator O [--station S]
       reworkctl batch ship BATCH --operator O [--station S] [carrier=TEXT]
</translation>
    </message>
    <message>
        <source>  station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME] --operator ADMIN
  station list
</source>
        <translation>  station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME] --operator ADMIN
  station list
</translation>
    </message>
    <message>
        <source>Usage: reworkctl station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME] --operator ADMIN
       reworkctl station list
</source>
        <translation>用法：reworkctl station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME] --operator ADMIN
       reworkctl station list
</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>conflict %1 [%2] %3 %4: %5; records %6</source>
        <translation>冲突 %1 [%2] %3 %4：%5；记录 %6</translation>
    </message>
    <message>
        <source>set aside: %1 of %2 at %3 (event %4): %5</source>
        <translation>已搁置：工位 %3 对 %2 的 %1（事件 %4）：%5</translation>
    </message>
    <message>
        <source>no conflicts and nothing set aside</source>
        <translation>没有冲突，也没有被搁置的事件</translation>
    </message>
    <message>
        <source>give exactly one conflict id (a number)</source>
        <translation>请只给出一个冲突编号（数字）</translation>
    </message>
    <message>
        <source>--keep EVENT_ID is required: the record that stands</source>
        <translation>必须提供 --keep EVENT_ID：即要保留的那条记录</translation>
    </message>
    <message>
        <source>--reason is required</source>
        <translation>必须提供 --reason</translation>
    </message>
    <message numerus="yes">
        <source>conflict %1 resolved: kept %2, %n record(s) voided</source>
        <translation>
            <numerusform>冲突 %1 已解决：保留 %2，作废 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown conflicts command &quot;%1&quot;</source>
        <translation>未知的 conflicts 命令“%1”</translation>
    </message>
    <message>
        <source>conflicts takes no arguments; resolve one with conflicts resolve ID</source>
        <translation>conflicts 不接受参数；要解决冲突请用 conflicts resolve ID</translation>
    </message>
    <message>
        <source>  conflicts [list] | conflicts resolve ID --keep EVENT_ID --reason TEXT --operator SUPERVISOR
                                         conflicts between stations, set-aside events
</source>
        <translation>  conflicts [list] | conflicts resolve ID --keep EVENT_ID --reason TEXT --operator SUPERVISOR
                                         工位之间的冲突、被搁置的事件
</translation>
    </message>
    <message>
        <source>Usage: reworkctl conflicts [list] [--json]
       reworkctl conflicts resolve ID --keep EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]
Lists the conflicts between stations that the central server found (open ones first) and the events of other stations set aside here, with their reasons. `resolve` keeps the record EVENT_ID of conflict ID and voids the other one and every record that builds on it.
</source>
        <translation>用法：reworkctl conflicts [list] [--json]
       reworkctl conflicts resolve ID --keep EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]
列出中央服务器发现的工位之间的冲突（未解决的在前），以及在本工位被搁置的其他工位的事件及其原因。`resolve` 保留冲突 ID 中的记录 EVENT_ID，并作废另一条记录以及所有依赖于它的记录。
</translation>
    </message>
    <message>
        <source>password of %1 on the sync server: </source>
        <translation>%1 在同步服务器上的密码：</translation>
    </message>
    <message>
        <source>--password-stdin: stdin holds no line with the password</source>
        <translation>--password-stdin：标准输入中没有包含密码的行</translation>
    </message>
    <message>
        <source>give --server URL, or none to use sync.conf</source>
        <translation>请给出 --server URL，或不给出以使用 sync.conf 中的服务器</translation>
    </message>
    <message>
        <source>%1 set-aside events applied or voided now</source>
        <translation>%1 个被搁置的事件现已应用或作废</translation>
    </message>
    <message>
        <source>%1 events of other stations are set aside here until a supervisor resolves their conflict (reworkctl conflicts)</source>
        <translation>其他工位的 %1 个事件在本工位被搁置，直到主管解决其冲突（reworkctl conflicts）</translation>
    </message>
    <message>
        <source>this database lacked events the server holds from it (restored from a backup?): it takes them back and goes on under a new origin</source>
        <translation>本数据库缺少服务器上保存的、由它发出的事件（是否从备份恢复过？）：现已取回这些事件，并以新的来源标识继续</translation>
    </message>
    <message>
        <source>--nightly and --ca-file belong to sync configure</source>
        <translation>--nightly 和 --ca-file 只能用于 sync configure</translation>
    </message>
    <message>
        <source>  server-init [--server URL]             create or upgrade the central PostgreSQL schema
</source>
        <translation>  server-init [--server URL]             创建或升级中央 PostgreSQL 表结构
</translation>
    </message>
    <message>
        <source>Usage: reworkctl server-init [--server postgresql://USER@HOST:PORT/DB[?sslmode=...&amp;sslrootcert=CA]]
                             [--password-stdin]
Creates or upgrades the central schema; a new server gets this station&apos;s reference data.
Without --server, the server of sync.conf. The password comes from the first line of stdin
with --password-stdin, else $REWORKTRACK_SYNC_PASSWORD, else sync.conf, else a prompt; never
from the command line. Exit 3 when the server cannot be reached or refuses.
</source>
        <translation>用法：reworkctl server-init [--server postgresql://USER@HOST:PORT/DB[?sslmode=...&amp;sslrootcert=CA]]
                             [--password-stdin]
创建或升级中央表结构；新服务器会获得本工位的基础数据。
不给 --server 时使用 sync.conf 中的服务器。使用 --password-stdin 时，密码取自标准输入的
第一行，否则取自 $REWORKTRACK_SYNC_PASSWORD，否则取自 sync.conf，否则提示输入；绝不
从命令行读取。无法连接服务器或服务器拒绝时，退出码为 3。
</translation>
    </message>
    <message>
        <source>Usage: reworkctl sync [--server URL] [--password-stdin] [--retries N] [--batch N] [--if-configured] [--rebuild]
       reworkctl sync configure --server URL [--ca-file CA.crt] [--password-stdin] [--nightly HH:MM]
       reworkctl sync status
Sends this station&apos;s new events to the central PostgreSQL and receives the other stations&apos;
events and the reference data. The server comes from --server or from sync configure (kept in
DATA/sync.conf, readable by its owner only). The password comes from the first line of stdin
with --password-stdin, else $REWORKTRACK_SYNC_PASSWORD, else sync.conf, else a prompt; a URL
on the command line with a password in it is refused. --ca-file is the certificate of the CA
that signed the server&apos;s (for sslmode=verify-full). A refused login is not retried.
--if-configured does nothing, successfully, on a PC without sync.conf (the nightly timer runs
on every PC the package is installed on). --rebuild fills a new, empty station database from
the server alone (a PC taking over a station). Exit 3 when the server cannot be reached or
refuses.
</source>
        <translation>用法：reworkctl sync [--server URL] [--password-stdin] [--retries N] [--batch N] [--if-configured] [--rebuild]
       reworkctl sync configure --server URL [--ca-file CA.crt] [--password-stdin] [--nightly HH:MM]
       reworkctl sync status
把本工位的新事件发送到中央 PostgreSQL，并接收其他工位的
事件和基础数据。服务器取自 --server 或 sync configure（保存在
DATA/sync.conf 中，仅所有者可读）。使用 --password-stdin 时，密码取自标准输入的第一行，
否则取自 $REWORKTRACK_SYNC_PASSWORD，否则取自 sync.conf，否则提示输入；命令行中
带密码的 URL 会被拒绝。--ca-file 是签发服务器证书的 CA 的证书
（用于 sslmode=verify-full）。登录被拒绝时不会重试。
--if-configured 在没有 sync.conf 的电脑上什么也不做，并返回成功（安装了本软件包的每台
电脑都会运行夜间定时任务）。--rebuild 只用服务器上的数据填充一个新的空工位数据库
（用于接替某个工位的电脑）。无法连接服务器或服务器拒绝时，
退出码为 3。
</translation>
    </message>
    <message>
        <source>give the role and the action, e.g. supervisor record.void</source>
        <translation>请给出角色和操作，例如 supervisor record.void</translation>
    </message>
    <message>
        <source>%1 may now do %2 at every station after its next sync</source>
        <translation>各工位下次同步后，%1 即可执行 %2</translation>
    </message>
    <message>
        <source>%1 may no longer do %2 at every station after its next sync</source>
        <translation>各工位下次同步后，%1 将不能再执行 %2</translation>
    </message>
    <message>
        <source>operator %1 disabled; refused at every station after its next sync, and logged out where the app runs</source>
        <translation>操作员 %1 已停用；各工位下次同步后将拒绝其登录，正在运行的程序会将其登出</translation>
    </message>
    <message>
        <source>  operator add ID --name NAME --role operator|supervisor|admin --pin PIN --operator ADMIN
  operator list
  operator disable|enable ID | reset-pin ID --pin PIN | role ID ROLE  (--operator ADMIN)
  operator grant|revoke ROLE ACTION  (--operator ADMIN)
</source>
        <translation>  operator add ID --name NAME --role operator|supervisor|admin --pin PIN --operator ADMIN
  operator list
  operator disable|enable ID | reset-pin ID --pin PIN | role ID ROLE  （--operator ADMIN）
  operator grant|revoke ROLE ACTION  （--operator ADMIN）
</translation>
    </message>
    <message>
        <source>Usage: reworkctl operator add ID --name NAME --role operator|supervisor|admin --pin PIN
       reworkctl operator list
       reworkctl operator disable|enable ID
       reworkctl operator reset-pin ID --pin PIN
       reworkctl operator role ID operator|supervisor|admin
       reworkctl operator grant|revoke operator|supervisor|admin ACTION   (e.g. record.void)
Every change needs --operator ADMIN and that admin&apos;s PIN (prompt, --pin-stdin or
REWORKTRACK_PIN), except the first admin of an empty database. Every change goes into
the audit log; the last active admin cannot be disabled or demoted. Every change reaches
every station with its next sync.
</source>
        <translation>用法：reworkctl operator add ID --name NAME --role operator|supervisor|admin --pin PIN
       reworkctl operator list
       reworkctl operator disable|enable ID
       reworkctl operator reset-pin ID --pin PIN
       reworkctl operator role ID operator|supervisor|admin
       reworkctl operator grant|revoke operator|supervisor|admin ACTION   （例如 record.void）
每项更改都需要 --operator ADMIN 和该管理员的 PIN（提示输入、--pin-stdin 或
REWORKTRACK_PIN），空数据库的第一个管理员除外。每项更改都记入
审计日志；最后一个在用的管理员不能被停用或降级。每项更改
在各工位下次同步时生效。
</translation>
    </message>
    <message>
        <source>give one template file</source>
        <translation>请给出一个模板文件</translation>
    </message>
    <message>
        <source>template %1 shared; every station has it after its next sync</source>
        <translation>模板 %1 已共享；各工位下次同步后即可使用</translation>
    </message>
    <message>
        <source>give the station token on stdin with --token-stdin or in REWORKTRACK_TOKEN</source>
        <translation>请用 --token-stdin 从标准输入提供工位令牌，或将其放在 REWORKTRACK_TOKEN 中</translation>
    </message>
    <message>
        <source>give either --operator or --token-stdin, not both</source>
        <translation>请给出 --operator 或 --token-stdin 其中之一，不能同时给出</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <source>unknown token command &quot;%1&quot;</source>
        <translation>未知的 token 命令“%1”</translation>
    </message>
    <message>
        <source>give --station and --steps</source>
        <translation>请给出 --station 和 --steps</translation>
    </message>
    <message>
        <source>give one token id (see reworkctl token list)</source>
        <translation>请给出一个令牌编号（见 reworkctl token list）</translation>
    </message>
    <message>
        <source>token %1 revoked</source>
        <translation>令牌 %1 已吊销</translation>
    </message>
    <message>
        <source>token %1 created; its secret is shown only now, keep it where the rig reads it:</source>
        <translation>令牌 %1 已创建；其密钥仅在此时显示一次，请保存在测试台能读取的位置：</translation>
    </message>
    <message>
        <source>  token create --station S --steps STEP[,STEP] --operator ADMIN
  token list
  token revoke ID --operator ADMIN
</source>
        <translation>  token create --station S --steps STEP[,STEP] --operator ADMIN
  token list
  token revoke ID --operator ADMIN
</translation>
    </message>
    <message>
        <source>Usage: reworkctl token create --station S --steps STEP[,STEP] --operator ADMIN
       reworkctl token list
       reworkctl token revoke ID --operator ADMIN
A station token lets a test rig or script record only those steps at that station,
as the operator TOKEN:ID: reworkctl record STEP --station S --token-stdin, or with
the secret in REWORKTRACK_TOKEN. The secret is printed once; only its hash is kept.
</source>
        <translation>用法：reworkctl token create --station S --steps STEP[,STEP] --operator ADMIN
       reworkctl token list
       reworkctl token revoke ID --operator ADMIN
工位令牌让测试台或脚本只能在该工位记录这些工序，以操作员
TOKEN:ID 的身份：reworkctl record STEP --station S --token-stdin，或将
密钥放在 REWORKTRACK_TOKEN 中。密钥只打印一次；只保存其哈希值。
</translation>
    </message>
    <message>
        <source>the event log differs from the server&apos;s anchors: %1</source>
        <translation>事件日志与服务器的锚定不一致：%1</translation>
    </message>
    <message>
        <source>the server has anchored nothing of this database yet; sync first</source>
        <translation>服务器尚未锚定本数据库的任何内容；请先同步</translation>
    </message>
    <message>
        <source>%1 chain heads anchored on the server match this log (the newest: event %2)</source>
        <translation>服务器上锚定的 %1 个链头与本日志一致（最新：事件 %2）</translation>
    </message>
    <message>
        <source>--force needs --operator ADMIN: a forced restore is an admin&apos;s act</source>
        <translation>--force 需要 --operator ADMIN：强制恢复只能由管理员执行</translation>
    </message>
    <message>
        <source>%1 label of %2 to %3: not delivered: %4 (%5)</source>
        <translation>%1 标签（%2）发往 %3：未送达：%4（%5）</translation>
    </message>
    <message>
        <source>%1 label of %2 to %3: %4 (%5)</source>
        <translation>%1 标签（%2）发往 %3：%4（%5）</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) still queued; label retry sends them again</source>
        <translation>
            <numerusform>%n 个标签仍在队列中；label retry 会重新发送</numerusform>
        </translation>
    </message>
    <message>
        <source>give the id of the print to cancel (label history SERIAL shows it)</source>
        <translation>请给出要取消的打印 ID（label history SERIAL 可查看）</translation>
    </message>
    <message>
        <source>%1 label of %2 to %3 cancelled</source>
        <translation>%1 标签（%2）发往 %3 已取消</translation>
    </message>
    <message>
        <source>--copies takes a number from 1 to 99</source>
        <translation>--copies 需要 1 到 99 之间的数字</translation>
    </message>
    <message>
        <source>--dpi is the printer&apos;s resolution: 203, 300 or 600</source>
        <translation>--dpi 为打印机分辨率：203、300 或 600</translation>
    </message>
    <message>
        <source>%1 label of %2 sent to %3, unconfirmed: the printer did not answer its status query; check that it printed</source>
        <translation>%1 标签（%2）已发往 %3，未确认：打印机未响应状态查询；请检查是否已打印</translation>
    </message>
    <message>
        <source>give the serial or batch whose prints to show: label history SERIAL</source>
        <translation>请给出要查看打印记录的序列号或批次：label history SERIAL</translation>
    </message>
    <message>
        <source>give one serial or batch: label history SERIAL</source>
        <translation>请只给出一个序列号或批次：label history SERIAL</translation>
    </message>
    <message>
        <source>  label TEMPLATE SERIAL|BATCH --pdf FILE | --zpl FILE | --send HOST:PORT
  label list | retry | history SERIAL | cancel ID | publish FILE   labels (label --help)
</source>
        <translation>  label TEMPLATE SERIAL|BATCH --pdf FILE | --zpl FILE | --send HOST:PORT
  label list | retry | history SERIAL | cancel ID | publish FILE   标签（label --help）
</translation>
    </message>
    <message>
        <source>check takes at most one serial</source>
        <translation>check 最多接受一个序列号</translation>
    </message>
    <message>
        <source>%1 ok: its genealogy&apos;s derived state equals a replay of its %2 events</source>
        <translation>%1 正常：其谱系的派生状态与重放其 %2 个事件的结果一致</translation>
    </message>
    <message>
        <source>the logs were tampered with: verify found the event log intact up to event #%1 on %2, but it now ends at event #%3: its last events were cut off</source>
        <translation>日志已被篡改：verify 曾于 %2 确认事件日志直到事件 #%1 均完好，但现在日志止于事件 #%3：最后的事件已被截掉</translation>
    </message>
    <message>
        <source>note: the verified point was not kept (%1); the next verify walks the whole chain</source>
        <translation>注意：已验证点未能保存（%1）；下次 verify 将遍历整条哈希链</translation>
    </message>
    <message>
        <source>hash chains intact: %1 events since event #%2 (verified %3), head %4; %5 audit entries; --full walks every event</source>
        <translation>哈希链完好：自事件 #%2 起 %1 个事件（验证于 %3），链头 %4；%5 条审计记录；--full 遍历所有事件</translation>
    </message>
    <message>
        <source>  verify [--full | --server | --repair-chain --reason TEXT --operator ADMIN]   walk the hash chains of events and audit log
</source>
        <translation>  verify [--full | --server | --repair-chain --reason TEXT --operator ADMIN]   遍历事件和审计日志的哈希链
</translation>
    </message>
    <message>
        <source>Usage: reworkctl verify [--full]
       reworkctl verify --server [URL] [--password-stdin]
       reworkctl verify --repair-chain --reason TEXT --operator ADMIN
Recomputes the SHA-256 chains over the events and every audit entry and names the first entry that was changed, removed or slipped in, and a cut-off tail of either log. By default the event chain is walked on from the point the last verify found intact (after checking that point still holds); --full walks it from the first event. Exit 0 intact, 1 broken. --repair-chain links events that lost their links, as a proven admin, audited; every later verify lists the repair. --server compares this log with the chain heads the sync server anchored (the server of sync.conf unless a URL is given): a log rewritten or cut after it was sent no longer matches.
</source>
        <translation>用法： reworkctl verify [--full]
       reworkctl verify --server [URL] [--password-stdin]
       reworkctl verify --repair-chain --reason TEXT --operator ADMIN
重新计算事件和每条审计记录上的 SHA-256 哈希链，指出第一条被修改、删除或插入的记录，以及任一日志被截掉的尾部。默认从上次 verify 确认完好的位置继续遍历事件链（先检查该位置仍然成立）；--full 从第一个事件开始遍历。退出码 0 表示完好，1 表示损坏。--repair-chain 以经过验证的管理员身份重新链接丢失链接的事件，并记入审计；之后每次 verify 都会列出此修复。--server 将本日志与同步服务器锚定的链头比较（未给出 URL 时使用 sync.conf 中的服务器）：发送后被改写或截断的日志将不再匹配。
</translation>
    </message>
    <message>
        <source>  restore FILE [--server [URL]] [--force --reason TEXT --operator ADMIN]   replace the database with a checked backup; the replaced one is kept
</source>
        <translation>  restore FILE [--server [URL]] [--force --reason TEXT --operator ADMIN]   用已检查的备份替换数据库；被替换的数据库会保留
</translation>
    </message>
    <message>
        <source>Usage: reworkctl restore FILE [--server [URL] [--password-stdin]] [--force --reason TEXT --operator ADMIN]
Takes only a whole ReworkTrack backup: a regular SQLite file of a schema this program knows, with its tables and append-only triggers, both hash chains intact and no fewer events than this database has. --force --reason takes one with fewer events (the events recorded since are lost unless they were synced), as a proven admin (restore.force); the reason and the admin go into the audit log. The replaced database is kept beside it as DATABASE.replaced-DATE-TIME. Close the app on this PC first. A refused file changes nothing.
</source>
        <translation>用法： reworkctl restore FILE [--server [URL] [--password-stdin]] [--force --reason TEXT --operator ADMIN]
只接受完整的 ReworkTrack 备份：本程序识别的架构的常规 SQLite 文件，包含其数据表和只追加触发器，两条哈希链均完好，且事件数不少于本数据库。--force --reason 可接受事件较少的备份（此后记录的事件若未同步将丢失），需经过验证的管理员（restore.force）；原因和管理员会记入审计日志。被替换的数据库保留在旁边，名为 DATABASE.replaced-DATE-TIME。请先关闭本电脑上的应用程序。被拒绝的文件不会改变任何内容。
</translation>
    </message>
    <message>
        <source>--plan needs a plan name (%1) or a JSON file</source>
        <translation>--plan 需要方案名称（%1）或 JSON 文件</translation>
    </message>
    <message>
        <source>the import profile %1 is not a JSON object</source>
        <translation>导入配置 %1 不是 JSON 对象</translation>
    </message>
    <message>
        <source>--rate-window needs seconds, a number</source>
        <translation>--rate-window 需要秒数（数字）</translation>
    </message>
    <message>
        <source>give exactly one file</source>
        <translation>请只给出一个文件</translation>
    </message>
    <message>
        <source>--kind must be one of %1</source>
        <translation>--kind 必须是以下之一：%1</translation>
    </message>
    <message>
        <source>--alloy: &quot;%1&quot; is not an alloy the core knows (SAC305, SAC405, SAC387, SN100C, Sn63Pb37, Sn62Pb36Ag2, Sn42Bi58); give --liquidus instead</source>
        <translation>--alloy：“%1”不是系统已知的合金（SAC305、SAC405、SAC387、SN100C、Sn63Pb37、Sn62Pb36Ag2、Sn42Bi58）；请改用 --liquidus</translation>
    </message>
    <message>
        <source>--liquidus needs a temperature in °C, 50 to 450</source>
        <translation>--liquidus 需要以 °C 为单位的温度，50 到 450</translation>
    </message>
    <message>
        <source>  parse FILE [--kind K] [--plan P] [--json]  read a test rig&apos;s output, give its verdict
</source>
        <translation>  parse FILE [--kind K] [--plan P] [--json]  读取测试台输出，给出结论
</translation>
    </message>
    <message>
        <source>Usage: reworkctl parse FILE [--kind nvidia-smi|gpu-burn|dcgm|memtest|profile]
                 [--plan NAME|FILE] [--model MODEL] [--alloy ALLOY | --liquidus C]
                 [--import-profile FILE] [--time-column C] [--temp-column C[,C...]]
                 [--time-unit s|ms|min] [--temp-unit C|mC|F] [--rate-window S] [--json]
Reads the output of a test rig and prints what it measured and the verdict the test plan
gives it; records nothing and needs no database. The kind is told from the content when
--kind is not given: nvidia-smi (-q, -q -x or --query-gpu CSV), gpu-burn (gpu_burn&apos;s
console log), dcgm (dcgmi diag, table or -j JSON), memtest (memtest_vulkan or
cuda_memtest), profile (a thermocouple log as CSV).
The verdict is computed, never copied from the tool: a run fails when it did not finish,
died, did no work, skipped a test, found errors, or broke a limit of the plan.
  --plan      a built-in plan (default, strict) or a test plan JSON file; default: default
  --model     the product whose part of the plan file applies (its &quot;models&quot; entry)
  --alloy     the solder&apos;s reflow window: SAC305 (217 °C), Sn63Pb37 (183 °C), ...
  --liquidus  the liquidus in °C the time above liquidus is taken against
  --import-profile, --time-column, --temp-column, --time-unit, --temp-unit, --rate-window:
              how a thermocouple CSV is laid out, where detection is not enough
With --json: one object with kind, format, plan, verdict (pass or fail), reasons,
measurements (name, value, unit, gpu, low, high, pass), facts and, for profiles, peak_c,
time_above_liquidus_s, ramp_up_c_per_s, cooling_c_per_s, time_to_peak_s.
Exit codes: 0 the run passes, 1 it fails, 2 usage (a bad option, an unknown plan, a plan or
import profile that cannot be read), 4 the file cannot be read as a run (missing, empty,
binary, too large, or not output of the kind given).
</source>
        <translation>用法： reworkctl parse FILE [--kind nvidia-smi|gpu-burn|dcgm|memtest|profile]
                 [--plan NAME|FILE] [--model MODEL] [--alloy ALLOY | --liquidus C]
                 [--import-profile FILE] [--time-column C] [--temp-column C[,C...]]
                 [--time-unit s|ms|min] [--temp-unit C|mC|F] [--rate-window S] [--json]
读取测试台的输出，打印测得的数据及测试方案给出的结论；
不做任何记录，也不需要数据库。未给出 --kind 时按内容判断类型：
nvidia-smi（-q、-q -x 或 --query-gpu CSV）、gpu-burn（gpu_burn 的
控制台日志）、dcgm（dcgmi diag，表格或 -j JSON）、memtest（memtest_vulkan 或
cuda_memtest）、profile（CSV 格式的热电偶日志）。
结论由计算得出，绝不照搬工具的结论：运行未完成、中途崩溃、未做任何工作、
跳过测试、发现错误或超出方案限值时，判为不通过。
  --plan      内置方案（default、strict）或测试方案 JSON 文件；默认：default
  --model     适用方案文件中哪一部分的产品（其 &quot;models&quot; 条目）
  --alloy     焊料的回流窗口：SAC305（217 °C）、Sn63Pb37（183 °C）……
  --liquidus  计算液相线以上时间所依据的液相线温度（°C）
  --import-profile, --time-column, --temp-column, --time-unit, --temp-unit, --rate-window:
              自动识别不够时，指定热电偶 CSV 的格式
使用 --json 时：输出一个对象，包含 kind、format、plan、verdict（pass 或 fail）、reasons、
measurements（name、value、unit、gpu、low、high、pass）、facts，曲线还包含 peak_c、
time_above_liquidus_s、ramp_up_c_per_s、cooling_c_per_s、time_to_peak_s。
退出码：0 运行通过，1 不通过，2 用法错误（选项错误、未知方案、无法读取的方案或
导入配置），4 无法将文件作为运行结果读取（缺失、为空、
二进制、过大，或不是所给类型的输出）。
</translation>
    </message>
    <message>
        <source>gpu_burn log: fills burnin, burnin_min, burnin_gflops</source>
        <translation>gpu_burn 日志：填写 burnin、burnin_min、burnin_gflops</translation>
    </message>
    <message>
        <source>dcgmi diag output (table or -j JSON): fills dcgm, dcgm_level</source>
        <translation>dcgmi diag 输出（表格或 -j JSON）：填写 dcgm、dcgm_level</translation>
    </message>
    <message>
        <source>memtest_vulkan or cuda_memtest log: fills vram, vram_errors, vram_min</source>
        <translation>memtest_vulkan 或 cuda_memtest 日志：填写 vram、vram_errors、vram_min</translation>
    </message>
    <message>
        <source>thermocouple CSV: fills peak_c, tal_s, ramp_c_per_s, cooling_c_per_s</source>
        <translation>热电偶 CSV：填写 peak_c、tal_s、ramp_c_per_s、cooling_c_per_s</translation>
    </message>
    <message>
        <source>Usage: reworkctl record STEP --station S --operator O key=value ...
       reworkctl record STEP --station S --token-stdin key=value ...
STEP: intake strip reball mount inspect test pack scrap bake
A station token (reworkctl token create) records its steps at its station
without an operator&apos;s PIN; give it on stdin or in REWORKTRACK_TOKEN.
reworkctl record STEP --help lists the fields of a step.
Test rig outputs (burnin=, dcgm=, vram= at test, profile_log= at reball and
mount) are judged by --plan NAME|FILE (default: the built-in default plan).
</source>
        <translation>用法： reworkctl record STEP --station S --operator O key=value ...
       reworkctl record STEP --station S --token-stdin key=value ...
STEP：intake strip reball mount inspect test pack scrap bake
工位令牌（reworkctl token create）可在其工位记录工序，
无需操作员 PIN；通过 stdin 或 REWORKTRACK_TOKEN 提供。
reworkctl record STEP --help 列出该工序的字段。
测试台输出（test 工序的 burnin=、dcgm=、vram=，reball 和
mount 工序的 profile_log=）按 --plan NAME|FILE 判定（默认：内置 default 方案）。
</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2): %3 values, model %4, station %5</source>
        <translation>%1（%2）：%3 个值，型号 %4，工位 %5</translation>
    </message>
    <message>
        <source>too few values for a control chart (at least 2 are needed)</source>
        <translation>值太少，无法绘制控制图（至少需要 2 个）</translation>
    </message>
    <message>
        <source>  chart    LCL        centre     UCL</source>
        <translation>  图       LCL        中心线     UCL</translation>
    </message>
    <message>
        <source>  sigma %1 (MR-bar / 1.128)</source>
        <translation>  sigma %1（MR-bar / 1.128）</translation>
    </message>
    <message>
        <source>  spec LSL %1, USL %2; Cp %3, Cpk %4</source>
        <translation>  规格 LSL %1，USL %2；Cp %3，Cpk %4</translation>
    </message>
    <message>
        <source>  no Cpk: %1</source>
        <translation>  无 Cpk：%1</translation>
    </message>
    <message>
        <source>  no Cp: %1</source>
        <translation>  无 Cp：%1</translation>
    </message>
    <message>
        <source>  rule %1 (%2): %3</source>
        <translation>  规则 %1（%2）：%3</translation>
    </message>
    <message>
        <source>  %1  %2  %3  %4  rules %5</source>
        <translation>  %1  %2  %3  %4  规则 %5</translation>
    </message>
    <message>
        <source>--days must be a whole number of days above 0</source>
        <translation>--days 必须是大于 0 的整数天数</translation>
    </message>
    <message>
        <source>give exactly one measurement</source>
        <translation>请只给出一个测量值</translation>
    </message>
    <message>
        <source>  spc MEASUREMENT [--model M] [--station S] [--days N]
                                         control chart, rule violations, Cpk
</source>
        <translation>  spc MEASUREMENT [--model M] [--station S] [--days N]
                                         控制图、规则违反、Cpk
</translation>
    </message>
    <message>
        <source>the sync server could not be asked what it holds of this station (%1); checked against this station&apos;s own count only</source>
        <translation>无法向同步服务器查询其持有的本工位数据（%1）；仅与本工位自身的计数核对</translation>
    </message>
    <message>
        <source>the backup holds event %1, the newest the sync server anchored for this station</source>
        <translation>备份包含事件 %1，即同步服务器为本工位锚定的最新事件</translation>
    </message>
    <message>
        <source>the sync server has anchored nothing of this station yet</source>
        <translation>同步服务器尚未锚定本工位的任何数据</translation>
    </message>
    <message>
        <source>the test plan that judges the files above</source>
        <translation>判定上述文件的测试方案</translation>
    </message>
    <message>
        <source>%1 (no station bound to the PC)</source>
        <translation>%1（本 PC 未绑定工位）</translation>
    </message>
    <message>
        <source>note: the %1 label has %2 print(s) sent but unconfirmed and %3 queued; not known to be on paper, so the next print is %4</source>
        <translation>注意：%1 标签有 %2 次打印已发送但未确认，%3 次在队列中；无法确定已打印出纸，因此下次打印为: %4</translation>
    </message>
    <message>
        <source>a reprint (one was delivered)</source>
        <translation>重打（已有一份送达）</translation>
    </message>
    <message>
        <source>no reprint: check the printer first</source>
        <translation>不算重打：请先检查打印机</translation>
    </message>
    <message>
        <source>the printer&apos;s</source>
        <translation>打印机自身分辨率</translation>
    </message>
    <message>
        <source>--dpi</source>
        <translation>--dpi</translation>
    </message>
    <message>
        <source>the template&apos;s</source>
        <translation>模板自身分辨率</translation>
    </message>
    <message>
        <source>laid out for %1 dpi (%2)</source>
        <translation>按 %1 dpi 排版（%2）</translation>
    </message>
    <message>
        <source>logged at %1: no station is bound to this PC</source>
        <translation>记录在 %1：本 PC 未绑定工位</translation>
    </message>
    <message>
        <source>logged at station %1</source>
        <translation>记录在工位 %1</translation>
    </message>
    <message>
        <source>Usage: reworkctl label TEMPLATE SERIAL|BATCH (--pdf FILE | --zpl FILE | --send HOST:PORT)
                --operator O [--station S] [--reason TEXT] [--copies N] [--dpi 203|300|600]
                [--force]
       reworkctl label list                 templates (yours in DATA/labels/ first)
       reworkctl label retry                send labels the printers did not take
       reworkctl label history SERIAL       every print of an item&apos;s labels, and its state
       reworkctl label cancel ID --reason TEXT --operator O   take a queued label out
       reworkctl label publish FILE --operator ADMIN   share a template with every station
A Zebra is asked for its status (~HS) first: paper out, ribbon out, head open or paused
keeps the label queued; a printer that does not answer gets it as &quot;sent, unconfirmed&quot;.
The printer&apos;s resolution picks the template&apos;s variant drawn for it (the shipped ones come
for 203 and 300 dpi stock): a Zebra is asked (~HI); --dpi overrides, and a PDF or ZPL
file is laid out at the template&apos;s own dpi unless --dpi is given.
--zpl never replaces a file that exists, unless --force.
Without --station the print is logged at the station this PC is bound to (the app&apos;s
&quot;Station of this PC&quot;), or at SYSTEM when it is bound to none.
A second print of a delivered label is a reprint and needs --reason; a label sent but
unconfirmed, or still queued, is not: label history shows them. A label the printer
did not take stays queued for label retry.
</source>
        <translation>用法: reworkctl label TEMPLATE SERIAL|BATCH (--pdf FILE | --zpl FILE | --send HOST:PORT)
                --operator O [--station S] [--reason TEXT] [--copies N] [--dpi 203|300|600]
                [--force]
       reworkctl label list                 列出模板（优先列出 DATA/labels/ 中您自己的）
       reworkctl label retry                重新发送打印机未接收的标签
       reworkctl label history SERIAL       物品标签的每次打印及其状态
       reworkctl label cancel ID --reason TEXT --operator O   将排队中的标签移出队列
       reworkctl label publish FILE --operator ADMIN   将模板共享给所有工位
先向 Zebra 查询状态（~HS）：缺纸、缺碳带、打印头打开或暂停时，标签保留在队列中；
打印机无应答时，标签记为“已发送，未确认”。
按打印机分辨率选用为其绘制的模板变体（随附模板提供 203 和 300 dpi 两种）：
向 Zebra 查询（~HI）；--dpi 可覆盖该值；PDF 或 ZPL 文件按模板自身的 dpi 排版，
除非指定了 --dpi。
--zpl 不会覆盖已存在的文件，除非指定 --force。
未指定 --station 时，打印记录在本 PC 绑定的工位（应用中的“本 PC 的工位”），
未绑定工位时记录在 SYSTEM。
已送达标签的第二次打印属于重打，需要 --reason；已发送未确认或仍在队列中的标签
不算重打: label history 会显示它们。打印机未接收的标签保留在队列中，等待 label retry。
</translation>
    </message>
    <message>
        <source>give exactly one unit serial</source>
        <translation>请只提供一个单元序列号</translation>
    </message>
    <message>
        <source>--station is required (the line has no single test station)</source>
        <translation>必须指定 --station（该产线没有唯一的测试工位）</translation>
    </message>
    <message>
        <source>--operator or a station token is required</source>
        <translation>必须指定 --operator 或工位令牌</translation>
    </message>
    <message>
        <source>%1: %2 (%3 s)</source>
        <translation>%1: %2（%3 s）</translation>
    </message>
    <message>
        <source>cannot watch for Ctrl-C</source>
        <translation>无法监听 Ctrl-C</translation>
    </message>
    <message>
        <source>  config list | config set KEY VALUE --operator ADMIN   repair, reflow, shift, target, idle lock, carton capacity
</source>
        <translation>  config list | config set KEY VALUE --operator ADMIN   返修、回流、班次、目标、空闲锁定、纸箱容量
</translation>
    </message>
    <message>
        <source>no label of %1 was ever printed here (check the serial: label history takes a die, unit or batch)</source>
        <translation>此处从未打印过 %1 的标签（请核对序列号：label history 接受芯片、单元或批次）</translation>
    </message>
    <message>
        <source>give one test plan file: plan publish FILE</source>
        <translation>请给出一个测试计划文件: plan publish FILE</translation>
    </message>
    <message>
        <source>give a model and a plan: plan assign MODEL PLAN</source>
        <translation>请给出型号和计划: plan assign MODEL PLAN</translation>
    </message>
    <message>
        <source>test plan %1 shared; every station has it after its next sync</source>
        <translation>测试计划 %1 已共享；各工位下次同步后即可获得</translation>
    </message>
    <message>
        <source>model %1 is tested to plan %2; every station holds its units to it after its next sync</source>
        <translation>型号 %1 按计划 %2 测试；各工位下次同步后即按此计划要求其单元</translation>
    </message>
    <message>
        <source>give one plan name: plan show NAME</source>
        <translation>请给出一个计划名称: plan show NAME</translation>
    </message>
    <message>
        <source>plan list takes no arguments</source>
        <translation>plan list 不接受参数</translation>
    </message>
    <message>
        <source>no shared test plan %1; plan list shows them</source>
        <translation>没有共享测试计划 %1；plan list 可列出全部</translation>
    </message>
    <message>
        <source>%1  requires: %2  models: %3</source>
        <translation>%1  要求: %2  型号: %3</translation>
    </message>
    <message>
        <source>the report only</source>
        <translation>仅 GPU 报告</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no shared test plans: each station tests to its own (rig.plan)</source>
        <translation>没有共享测试计划：各工位按本机计划测试（rig.plan）</translation>
    </message>
    <message>
        <source>unknown test command; use: test run UNIT [--plan NAME]</source>
        <translation>未知的 test 命令；用法: test run UNIT [--plan NAME]</translation>
    </message>
    <message>
        <source>--plan needs a plan: %1 or a test plan JSON file</source>
        <translation>--plan 需要一个计划: %1 或测试计划 JSON 文件</translation>
    </message>
    <message>
        <source>  test run UNIT [--plan NAME] [--station S] [--operator O | --token-stdin] [--follow]
                                         run a unit&apos;s test plan on this rig
</source>
        <translation>  test run UNIT [--plan NAME] [--station S] [--operator O | --token-stdin] [--follow]
                                         在本测试台上运行单元的测试计划
</translation>
    </message>
    <message>
        <source>Usage: reworkctl test run UNIT [--plan NAME|FILE] [--station S] [--operator O | --token-stdin]
                          [--follow] [--json]
Runs the test plan of an inspected unit on this PC, headless, as the test form&apos;s &quot;Run test
plan&quot; does: the GPU&apos;s report (nvidia-smi -q -x), then each run the plan requires (gpu_burn,
dcgmi diag, memtest_vulkan), one after another. Each run is read and judged by the plan as
it ends, its output kept as evidence, and its verdict printed. The test is recorded with
every run in it: passed when all pass; failed at the first run that fails (the rest are not
started). A tool that is missing, hangs past its time or is stopped (Ctrl-C) records nothing.
The command lines and time limits are this PC&apos;s, in rig.conf beside the database:
  rig.command.gpu-burn=/opt/gpu-burn/gpu_burn {seconds}    rig.timeout.gpu-burn=SECONDS
  rig.command.dcgm=dcgmi diag -r {level}   rig.command.memtest=memtest_vulkan
  rig.command.nvidia-smi=nvidia-smi -q -x  rig.stop-after.memtest=SECONDS
  --plan     for a product without a shared plan (reworkctl plan): a built-in plan
             (default, strict) or a test plan JSON file; default: rig.plan in rig.conf.
             A product&apos;s own plan is always the one run.
  --station  the test station (default: the line&apos;s only test station)
  --follow   print the tools&apos; output as it comes
With --json: one object with unit, plan, runs (kind, verdict, why, seconds), event, outcome
and summary. Verdicts: pass, fail, cancelled, timed-out, missing-tool, unreadable.
Exit codes: 0 every run passed and the pass is recorded, 1 a run failed (recorded as a
failed test) or the record was refused, 2 usage, 4 nothing recorded (a tool missing, hung,
cancelled or its output unreadable).
</source>
        <translation>用法: reworkctl test run UNIT [--plan NAME|FILE] [--station S] [--operator O | --token-stdin]
                          [--follow] [--json]
在本 PC 上以无界面方式运行已检验单元的测试计划，与测试表单中的“运行测试计划”相同：
先获取 GPU 报告（nvidia-smi -q -x），再依次执行计划要求的各项运行（gpu_burn、
dcgmi diag、memtest_vulkan）。每项运行结束时由计划读取并判定，其输出保存为证据，
并打印判定结果。测试连同其中每项运行一并记录：全部通过即为通过；在第一项失败的运行处
即为失败（其余运行不再启动）。工具缺失、超时挂起或被停止（Ctrl-C）时不记录任何内容。
命令行和时间限制为本 PC 专用，位于数据库旁的 rig.conf 中:
  rig.command.gpu-burn=/opt/gpu-burn/gpu_burn {seconds}    rig.timeout.gpu-burn=SECONDS
  rig.command.dcgm=dcgmi diag -r {level}   rig.command.memtest=memtest_vulkan
  rig.command.nvidia-smi=nvidia-smi -q -x  rig.stop-after.memtest=SECONDS
  --plan     用于没有共享计划的产品（reworkctl plan）：内置计划
             （default、strict）或测试计划 JSON 文件；默认：rig.conf 中的 rig.plan。
             产品有自己的计划时，总是运行该计划。
  --station  测试工位（默认：产线上唯一的测试工位）
  --follow   实时打印工具输出
使用 --json 时：输出一个对象，包含 unit、plan、runs（kind、verdict、why、seconds）、event、
outcome 和 summary。判定值: pass、fail、cancelled、timed-out、missing-tool、unreadable。
退出码: 0 所有运行均通过且已记录为通过；1 某项运行失败（记为测试失败）或记录被拒绝；
2 用法错误；4 未记录任何内容（工具缺失、挂起、被取消或输出无法读取）。
</translation>
    </message>
    <message>
        <source>give one model: plan unassign MODEL</source>
        <translation>请给出一个型号：plan unassign 型号</translation>
    </message>
    <message>
        <source>model %1 has no test plan of its own; its units are tested to each station&apos;s plan after the station&apos;s next sync</source>
        <translation>型号 %1 不再有自己的测试计划；各工位下次同步后，其单元按工位自己的计划测试</translation>
    </message>
    <message>
        <source>unknown plan command; use: plan list | show NAME | publish FILE | assign MODEL PLAN | unassign MODEL</source>
        <translation>未知的 plan 命令；可用：plan list | show 名称 | publish 文件 | assign 型号 计划 | unassign 型号</translation>
    </message>
    <message>
        <source>  plan list | show NAME | publish FILE | assign MODEL PLAN | unassign MODEL
                                         shared test plans
</source>
        <translation>  plan list | show 名称 | publish 文件 | assign 型号 计划 | unassign 型号
                                         共享的测试计划
</translation>
    </message>
    <message>
        <source>Usage: reworkctl plan list                      shared test plans and the products tested to each
       reworkctl plan show NAME                 a shared plan as every station has it
       reworkctl plan publish FILE --operator O [--station S]
                                                share a test plan (JSON, as parse --plan reads it)
       reworkctl plan assign MODEL PLAN --operator O [--station S]
                                                test MODEL&apos;s units to PLAN (shared, or built-in:
                                                default, strict)
       reworkctl plan unassign MODEL --operator O [--station S]
                                                MODEL&apos;s units tested to each station&apos;s plan again
These changes need limits.edit, are audited, and reach every station on its next sync.
A unit of a product with a plan passes test only with every run the plan requires, each
judged by that plan (a typed burnin=pass is no run), and is packed only when its passing
test had them. Products without a plan are tested to each station&apos;s own (rig.plan, --plan).
</source>
        <translation>用法：reworkctl plan list                      共享的测试计划及按各计划测试的产品
       reworkctl plan show 名称                 各工位所持有的某个共享计划
       reworkctl plan publish 文件 --operator O [--station S]
                                                共享一个测试计划（JSON，与 parse --plan 读取的格式相同）
       reworkctl plan assign 型号 计划 --operator O [--station S]
                                                该型号的单元按此计划测试（共享的，或内置的：
                                                default、strict）
       reworkctl plan unassign 型号 --operator O [--station S]
                                                该型号的单元重新按各工位自己的计划测试
这些更改需要 limits.edit 权限，会写入审计记录，并在各工位下次同步后生效。
有计划的产品，其单元只有具备计划要求的每一项运行（每项按该计划判定；手填的 burnin=pass 不算运行）
才能通过测试，且只有其通过的测试具备这些运行时才能装箱。没有计划的产品按各工位自己的计划测试（rig.plan、--plan）。
</translation>
    </message>
    <message>
        <source>  sigma %1 (square root of the mean count; rules above the centre only while the LCL is 0)</source>
        <translation>  sigma %1（平均计数的平方根；LCL 为 0 时只判定中心线以上的规则）</translation>
    </message>
    <message>
        <source>Usage: reworkctl spc MEASUREMENT [--model M] [--station S] [--days N]
An individuals / moving-range control chart of one measurement in recording order (voided events left out): centre, sigma (MR-bar / 1.128), limits at 3 sigma, the Western Electric rules (1: a value beyond 3 sigma; 2: 2 of 3 beyond 2 sigma on one side; 3: 4 of 5 beyond 1 sigma on one side; 4: 8 in a row on one side), and Cp/Cpk against the measurement&apos;s limits (the model&apos;s own where set). Counts (vram_errors) are a c chart: sigma is the square root of the mean count. A lower limit below 0 of a quantity that cannot be negative is given as 0. Measurements: void_pct, peak_c, tal_s, temp_max_c, burnin_gflops, burnin_min, vram_errors. --days N: the last N days only (default: all). --json gives the newest 500 values.
</source>
        <translation>用法：reworkctl spc 测量项 [--model M] [--station S] [--days N]
按记录顺序绘制某一测量项的单值-移动极差控制图（已作废的事件除外）：中心线、sigma（MR-bar / 1.128）、3 sigma 控制限、西电规则（1：一个值超出 3 sigma；2：3 个中有 2 个在同一侧超出 2 sigma；3：5 个中有 4 个在同一侧超出 1 sigma；4：连续 8 个在中心线同一侧），以及相对于该测量项限值（若设置了型号自己的限值则用之）的 Cp/Cpk。计数类（vram_errors）用 c 图：sigma 为平均计数的平方根。不可能为负的量，其低于 0 的下控制限按 0 给出。测量项：void_pct、peak_c、tal_s、temp_max_c、burnin_gflops、burnin_min、vram_errors。--days N：只看最近 N 天（默认：全部）。--json 给出最新的 500 个值。
</translation>
    </message>
    <message>
        <source>KPIs %1 .. %2, day shifts only</source>
        <translation>关键指标 %1 .. %2，仅白班</translation>
    </message>
    <message>
        <source>KPIs %1 .. %2, night shifts only</source>
        <translation>关键指标 %1 .. %2，仅夜班</translation>
    </message>
    <message>
        <source>%1 is given twice; give it once</source>
        <translation>%1 重复给出；只给一次</translation>
    </message>
    <message>
        <source>--repair needs --reason TEXT and --operator ADMIN</source>
        <translation>--repair 需要 --reason 原因 和 --operator 管理员</translation>
    </message>
    <message>
        <source>nothing to repair: the derived state already equals the event log</source>
        <translation>无需修复：派生状态已与事件日志一致</translation>
    </message>
    <message numerus="yes">
        <source>%n derived row(s) replayed from the event log; reworkctl check now passes</source>
        <translation>
            <numerusform>已从事件日志重放 %n 行派生数据；现在 reworkctl check 通过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>problems found in %n row(s), all of derived state; the event log can put them right: an admin runs reworkctl check --repair --reason TEXT --operator ADMIN</source>
        <translation>
            <numerusform>发现问题：%n 行，均为派生状态；可由事件日志修正：请管理员运行 reworkctl check --repair --reason 原因 --operator 管理员</numerusform>
        </translation>
    </message>
    <message>
        <source>problems found: the database file is damaged; call an admin to restore a backup (reworkctl restore)</source>
        <translation>发现问题：数据库文件已损坏；请联系管理员恢复备份（reworkctl restore）</translation>
    </message>
    <message numerus="yes">
        <source>problems found in %n row(s), some of them in the record itself (changed outside ReworkTrack); call an admin to restore a backup (reworkctl restore) and compare</source>
        <translation>
            <numerusform>发现问题：%n 行，其中部分在记录本身（在 ReworkTrack 之外被改动）；请联系管理员恢复备份（reworkctl restore）并核对</numerusform>
        </translation>
    </message>
    <message>
        <source>  check [SERIAL] | --repair ...          integrity check of database and derived state
</source>
        <translation>  check [SERIAL] | --repair ...          检查数据库与派生状态的完整性
</translation>
    </message>
    <message>
        <source>Usage: reworkctl check [SERIAL]
       reworkctl check --repair --reason TEXT --operator ADMIN
Runs SQLite&apos;s integrity check and compares the derived state with a replay of the event log. With a SERIAL (card, die, board, unit or batch), replays only the events of its genealogy and compares their rows: seconds become milliseconds on a long history. Changes nothing; stations go on recording. Each problem names its rows, the column that differs and both values; the last line says what to do.
--repair (an admin, audited) replaces the derived state with a replay of the event log, when that is all that differs and `verify` finds the log intact; stations wait while it writes. A damaged file or a record changed by hand needs a backup.
</source>
        <translation>用法： reworkctl check [SERIAL]
       reworkctl check --repair --reason 原因 --operator 管理员
运行 SQLite 完整性检查，并将派生状态与事件日志的重放结果比较。给出 SERIAL（显卡、芯片、板卡、成品或批次）时，只重放其谱系的事件并比较相应行：历史很长时，耗时从数秒缩短到数毫秒。不做任何更改；各工位可继续记录。每个问题都列出相关行、不一致的列及两边的值；最后一行说明该怎么做。
--repair（管理员操作，记入审计）在只有派生状态不一致且 `verify` 确认日志完整时，用事件日志的重放结果替换派生状态；写入期间各工位需等待。文件损坏或记录被手工改动则需恢复备份。
</translation>
    </message>
    <message>
        <source>WIP at %1, waiting for: %2 (aging: %3)</source>
        <translation>在制品（%1）待工序：%2（滞留：%3）</translation>
    </message>
    <message>
        <source>%1 %2 (target %3 per shift)</source>
        <translation>%1 %2（目标每班 %3）</translation>
    </message>
    <message>
        <source>throughput by station: %1; target %2 per shift</source>
        <translation>各工位产出：%1；目标每班 %2</translation>
    </message>
    <message>
        <source>throughput by station: %1</source>
        <translation>各工位产出：%1</translation>
    </message>
    <message>
        <source>--from %1 is after today&apos;s production day %2</source>
        <translation>--from %1 晚于今天的生产日 %2</translation>
    </message>
    <message>
        <source>--night is for report shift; a daily report covers the day shift and the night shift after it</source>
        <translation>--night 用于 report shift；日报已包含白班及其后的夜班</translation>
    </message>
    <message>
        <source>Usage: reworkctl kpi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--shift day|night] [--station S] [--model M] [--batch B] [--aging-hours H]
WIP, throughput (per hour and per shift, with its target), first-pass and final yield, scrap and retest rate, repair loops, defect Pareto, MSL alarms, operators and anomalies (default: last 30 days; a batch covers its units whenever they were made; --json for scripts).
A day is a production day: from the day shift&apos;s start (config shift.day_start_hour, default 6, factory time) to the next, so it holds its night shift. Hours (by_hour) are the factory&apos;s clock hours (config shift.utc_offset_minutes).
</source>
        <translation>用法：reworkctl kpi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--shift day|night] [--station 工位] [--model 型号] [--batch 批次] [--aging-hours 小时]
在制品、产出（按小时和按班次，含目标）、一次通过率和最终良率、报废率和复测率、返修次数、缺陷柏拉图、湿敏告警、操作员和异常（默认：最近 30 天；指定批次时统计该批次的全部单元，不限日期；脚本请用 --json）。
日期指生产日：从白班开始（设置 shift.day_start_hour，默认 6 点，工厂时间）到下一个白班开始，因此包含当晚开始的夜班。小时（by_hour）按工厂时钟计（设置 shift.utc_offset_minutes）。
</translation>
    </message>
    <message>
        <source>there is no database at %1; check the path given with --db or REWORKTRACK_DB</source>
        <translation>%1 处没有数据库；请检查 --db 或 REWORKTRACK_DB 给出的路径</translation>
    </message>
    <message>
        <source>--date %1 is after today&apos;s production day %2</source>
        <translation>--date %1 晚于今天的生产日 %2</translation>
    </message>
    <message>
        <source>Usage: reworkctl report daily [--date YYYY-MM-DD] --pdf FILE [--station S] [--model M]
       reworkctl report shift [--date YYYY-MM-DD] [--night] --pdf FILE [--station S] [--model M]
       reworkctl report batch BATCH --pdf FILE
Shifts are 12 hours from config shift.day_start_hour (default 6) in factory time (config shift.utc_offset_minutes). A daily report covers the day shift and the night shift that starts that evening; --date defaults to today&apos;s production day. FILE is new, or a PDF written before: nothing else is written over.
</source>
        <translation>用法：reworkctl report daily [--date YYYY-MM-DD] --pdf 文件 [--station 工位] [--model 型号]
      reworkctl report shift [--date YYYY-MM-DD] [--night] --pdf 文件 [--station 工位] [--model 型号]
      reworkctl report batch 批次 --pdf 文件
每班 12 小时，按工厂时间（设置 shift.utc_offset_minutes）从设置 shift.day_start_hour（默认 6 点）开始。日报包含当天白班和当晚开始的夜班；--date 默认为今天的生产日。文件须为新文件或之前写出的 PDF：不会覆盖其他文件。
</translation>
    </message>
    <message>
        <source>  demo --units N [--days D] [--seed S]   fill a new database with demo data
</source>
        <translation>  demo --units N [--days D] [--seed S]   向新数据库填入演示数据
</translation>
    </message>
    <message>
        <source>Usage: reworkctl demo --units N [--days D] [--seed S]
Fills a new database (nothing in it yet) with stations, operators (PIN %1)
and N donor cards taken through the line. A database in use is refused.
</source>
        <translation>用法：reworkctl demo --units N [--days D] [--seed S]
向新数据库（尚无任何内容）填入工位、操作员（PIN %1）
以及走完产线的 N 张来料卡。已在使用的数据库会被拒绝。
</translation>
    </message>
    <message>
        <source> (default: the stored value &quot;%1&quot; is not one it takes; set it again)</source>
        <translation>（默认值：存储的值“%1”不可用；请重新设置）</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
</context>
<context>
    <name>CommandSheet</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Result: pass</source>
        <translation>结果：合格</translation>
    </message>
    <message>
        <source>Result: fail</source>
        <translation>结果：不合格</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Defect %1</source>
        <translation>缺陷 %1</translation>
    </message>
    <message>
        <source>ReworkTrack command barcodes</source>
        <translation>ReworkTrack 命令条码</translation>
    </message>
    <message>
        <source>cannot write %1; choose a folder you can write to</source>
        <translation>无法写入 %1；请选择可写的文件夹</translation>
    </message>
    <message>
        <source>ReworkTrack command barcodes: scan to act on the open form</source>
        <translation>ReworkTrack 命令条码：扫描即可操作当前表单</translation>
    </message>
    <message>
        <source>Close batch (pack)</source>
        <translation>关闭批次（装箱）</translation>
    </message>
    <message>
        <source>the barcode of %1 does not fit the sheet with modules of %2 mm or more; give the defect a shorter code</source>
        <translation>%1 的条码在模块不小于 %2 mm 时放不下本页；请给该缺陷一个更短的代码</translation>
    </message>
</context>
<context>
    <name>ConfigStore</name>
    <message>
        <source>no station %1; add the station first</source>
        <translation>没有工位 %1；请先添加该工位</translation>
    </message>
    <message>
        <source>unknown setting; known: %1, %2STATION</source>
        <translation>未知设置；已知设置：%1、%2工位</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be a multiple of %1, as every time zone&apos;s offset is (330 for UTC+05:30)</source>
        <translation>必须是 %1 的倍数，所有时区的偏移都是如此（UTC+05:30 为 330）</translation>
    </message>
    <message>
        <source>unknown setting %1</source>
        <translation>未知设置 %1</translation>
    </message>
</context>
<context>
    <name>ConflictResolution</name>
    <message>
        <source>say why this side stands (a reason is required)</source>
        <translation>请说明为何保留这一方（必须填写原因）</translation>
    </message>
    <message>
        <source>no conflict %1 here; sync, then list the conflicts again</source>
        <translation>此处没有冲突 %1；请先同步，再重新列出冲突</translation>
    </message>
    <message>
        <source>conflict %1 is already resolved</source>
        <translation>冲突 %1 已解决</translation>
    </message>
    <message>
        <source>keep one of the conflict&apos;s two records: %1</source>
        <translation>请保留该冲突两条记录中的一条：%1</translation>
    </message>
    <message>
        <source>record %1 has not reached this station yet; sync, then resolve again</source>
        <translation>记录 %1 尚未同步到本工位；请先同步，再重新解决</translation>
    </message>
</context>
<context>
    <name>ControlChart</name>
    <message>
        <source>fewer than two values</source>
        <translation>少于两个值</translation>
    </message>
    <message>
        <source>no specification limit is set for this measurement</source>
        <translation>此测量值未设置规格限</translation>
    </message>
    <message>
        <source>Cp needs both a lower and an upper specification limit</source>
        <translation>Cp 需要同时有规格下限和规格上限</translation>
    </message>
    <message>
        <source>every value is the same (sigma is 0)</source>
        <translation>所有值都相同（sigma 为 0）</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>cannot write %1: %2; choose another folder</source>
        <translation>无法写入 %1：%2；请选择其他文件夹</translation>
    </message>
</context>
<context>
    <name>CudaMemtestImporter</name>
    <message>
        <source>this is not a cuda_memtest log: it has no &quot;[time][host][device]:&quot; lines and no &quot;TestN finished&quot; line</source>
        <translation>这不是 cuda_memtest 日志：没有 &quot;[time][host][device]:&quot; 行，也没有 &quot;TestN finished&quot; 行</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>cannot create the folder %1; choose another database path</source>
        <translation>无法创建文件夹 %1；请选择其他数据库路径</translation>
    </message>
    <message>
        <source>open the database %1</source>
        <translation>打开数据库 %1</translation>
    </message>
    <message>
        <source>configure the database</source>
        <translation>配置数据库</translation>
    </message>
    <message>
        <source>switch the database to WAL mode</source>
        <translation>将数据库切换为 WAL 模式</translation>
    </message>
</context>
<context>
    <name>DcgmDiagImporter</name>
    <message>
        <source>this dcgmi diag -j output is not valid JSON (%1)</source>
        <translation>此 dcgmi diag -j 输出不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>this is not dcgmi diag output: it has no &quot;Diagnostic | Result&quot; table with tests and no DCGM JSON</source>
        <translation>这不是 dcgmi diag 输出：没有包含测试项的 &quot;Diagnostic | Result&quot; 表格，也没有 DCGM JSON</translation>
    </message>
</context>
<context>
    <name>Defect</name>
    <message>
        <source>no POST</source>
        <translation>无法 POST</translation>
    </message>
    <message>
        <source>physical damage</source>
        <translation>物理损伤</translation>
    </message>
    <message>
        <source>missing parts</source>
        <translation>缺件</translation>
    </message>
    <message>
        <source>liquid damage</source>
        <translation>液体损伤</translation>
    </message>
    <message>
        <source>die chipped</source>
        <translation>芯片崩边</translation>
    </message>
    <message>
        <source>substrate cracked</source>
        <translation>基板开裂</translation>
    </message>
    <message>
        <source>pads lifted</source>
        <translation>焊盘脱落</translation>
    </message>
    <message>
        <source>memory damaged</source>
        <translation>显存损坏</translation>
    </message>
    <message>
        <source>missing balls</source>
        <translation>缺球</translation>
    </message>
    <message>
        <source>bridged balls</source>
        <translation>锡球桥连</translation>
    </message>
    <message>
        <source>misaligned stencil</source>
        <translation>钢网错位</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>桥连</translation>
    </message>
    <message>
        <source>open / missing ball</source>
        <translation>开路 / 缺球</translation>
    </message>
    <message>
        <source>voids over limit</source>
        <translation>空洞超限</translation>
    </message>
    <message>
        <source>head-in-pillow</source>
        <translation>枕头效应（head-in-pillow）</translation>
    </message>
    <message>
        <source>non-wet open</source>
        <translation>不润湿开路</translation>
    </message>
    <message>
        <source>merged balls</source>
        <translation>锡球融合</translation>
    </message>
    <message>
        <source>board warpage</source>
        <translation>板卡翘曲</translation>
    </message>
    <message>
        <source>pad cratering</source>
        <translation>焊盘坑裂</translation>
    </message>
    <message>
        <source>tombstoned passive</source>
        <translation>无源元件立碑</translation>
    </message>
    <message>
        <source>die misaligned</source>
        <translation>芯片错位</translation>
    </message>
    <message>
        <source>power rail short</source>
        <translation>电源轨短路</translation>
    </message>
    <message>
        <source>not detected / fallen off the bus (Xid 79)</source>
        <translation>无法识别 / 从总线掉卡（Xid 79）</translation>
    </message>
    <message>
        <source>PCIe generation or width degraded</source>
        <translation>PCIe 代数或链路宽度降级</translation>
    </message>
    <message>
        <source>memory size mismatch</source>
        <translation>显存容量不符</translation>
    </message>
    <message>
        <source>faulty memory</source>
        <translation>显存故障</translation>
    </message>
    <message>
        <source>memory bandwidth low</source>
        <translation>显存带宽偏低</translation>
    </message>
    <message>
        <source>thermal / temperature violation</source>
        <translation>过热 / 温度违规</translation>
    </message>
    <message>
        <source>target power not reached</source>
        <translation>未达到目标功耗</translation>
    </message>
    <message>
        <source>GFLOPS below threshold</source>
        <translation>GFLOPS 低于阈值</translation>
    </message>
    <message>
        <source>NaN values</source>
        <translation>NaN 值</translation>
    </message>
    <message>
        <source>Xid errors</source>
        <translation>Xid 错误</translation>
    </message>
    <message>
        <source>artifacts</source>
        <translation>花屏</translation>
    </message>
    <message>
        <source>fan failure</source>
        <translation>风扇故障</translation>
    </message>
    <message>
        <source>burn-in errors</source>
        <translation>老化测试错误</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>demo data goes only into a new database; this one is in use (it has stations, operators or a history). Use a new file: --db PATH</source>
        <translation>演示数据只能写入新数据库；这个数据库已在使用（已有工位、操作员或历史记录）。请使用新文件：--db PATH</translation>
    </message>
</context>
<context>
    <name>DerivedRepair</name>
    <message>
        <source>more than derived state differs (run reworkctl check): a replay cannot put that right; call an admin to restore a backup</source>
        <translation>不一致的不只是派生状态（请运行 reworkctl check）：重放无法修正；请联系管理员恢复备份</translation>
    </message>
</context>
<context>
    <name>EvaluatedRun</name>
    <message>
        <source>%1 (%2): %3 by plan %4</source>
        <translation>%1（%2）：按方案 %4 判定为 %3</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>  tool: %1; its own verdict: %2; finished: %3</source>
        <translation>  工具：%1；工具自身结论：%2；已完成：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>  GPU %1</source>
        <translation>  GPU %1</translation>
    </message>
    <message>
        <source>  profile of %1: peak %2 °C at %3 s, %4 s above %5 °C, ramp-up %6 °C/s, cooling %7 °C/s</source>
        <translation>  %1 的曲线：峰值 %2 °C（于 %3 s），高于 %5 °C 的时间 %4 s，升温速率 %6 °C/s，冷却速率 %7 °C/s</translation>
    </message>
    <message>
        <source>  measurements:</source>
        <translation>  测量值：</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>OUT OF LIMITS</source>
        <translation>超出限值</translation>
    </message>
    <message>
        <source>  warning: %1</source>
        <translation>  警告：%1</translation>
    </message>
    <message>
        <source>  skipped: %1</source>
        <translation>  已跳过：%1</translation>
    </message>
    <message>
        <source>  fails because: %1</source>
        <translation>  不通过原因：%1</translation>
    </message>
</context>
<context>
    <name>EventChain</name>
    <message>
        <source>event %1 (#%2) has no link in the chain</source>
        <translation>事件 %1（#%2）不在链中</translation>
    </message>
    <message>
        <source>event %1 (#%2, %3 of %4) does not match its hash: it or an earlier event was changed</source>
        <translation>事件 %1（#%2，%4 的 %3）与其哈希不符：它或之前的事件被修改过</translation>
    </message>
    <message>
        <source>event #%1 was removed from the log</source>
        <translation>事件 #%1 已从日志中删除</translation>
    </message>
    <message>
        <source>the chain was repaired at %1 by %2: %3</source>
        <translation>哈希链于 %1 由 %2 修复：%3</translation>
    </message>
    <message>
        <source>the link of event #%1 is not the one verify found intact on %2: the log up to it was rewritten since; run verify --full</source>
        <translation>事件 #%1 的链接与 verify 于 %2 确认完好时的不一致：此后该事件之前的日志已被改写；请运行 verify --full</translation>
    </message>
    <message>
        <source>event %1 (#%2, %3 of %4) does not match its hash: it was changed</source>
        <translation>事件 %1（#%2，%4 的 %3）与其哈希不符：已被改动</translation>
    </message>
</context>
<context>
    <name>EvidenceStore</name>
    <message>
        <source>cannot create the evidence folder in %1; check the disk</source>
        <translation>无法在 %1 中创建证据文件夹；请检查磁盘</translation>
    </message>
    <message>
        <source>cannot copy %1 into the data folder: %2; free disk space and try again</source>
        <translation>无法将 %1 复制到数据文件夹：%2；请释放磁盘空间后重试</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stored evidence file</source>
        <translation>“%1”不是已保存的证据文件</translation>
    </message>
    <message>
        <source>no file of %1 is stored in this data folder; attach the file itself, not its hash</source>
        <translation>此数据文件夹中没有保存文件 %1；请附加文件本身，而不是其哈希值</translation>
    </message>
    <message>
        <source>the copy of %1 no longer matches its hash; attach the file again</source>
        <translation>%1 的副本已与其哈希值不符；请重新附加该文件</translation>
    </message>
    <message>
        <source>cannot move %1 into the evidence folder of %2; check the disk</source>
        <translation>无法将 %1 移入 %2 的证据文件夹；请检查磁盘</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>free-text remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>defect code (required on fail unless the measurements name it)</source>
        <translation>缺陷代码（不合格时必填，除非测量值已能确定）</translation>
    </message>
    <message>
        <source>donor card serial sticker</source>
        <translation>来料卡序列号标签</translation>
    </message>
    <message>
        <source>product model, e.g. RTX4090</source>
        <translation>产品型号，例如 RTX4090</translation>
    </message>
    <message>
        <source>supplier shipment lot</source>
        <translation>供应商来料批号</translation>
    </message>
    <message>
        <source>board partner</source>
        <translation>板卡厂商</translation>
    </message>
    <message>
        <source>PCB revision</source>
        <translation>PCB 版本</translation>
    </message>
    <message>
        <source>incoming visual condition checklist</source>
        <translation>来料外观检查项</translation>
    </message>
    <message>
        <source>the card still POSTs</source>
        <translation>该卡仍能开机自检</translation>
    </message>
    <message>
        <source>GPU UUID read from the working donor card</source>
        <translation>从可工作的来料卡读取的 GPU UUID</translation>
    </message>
    <message>
        <source>VBIOS version of the donor card</source>
        <translation>来料卡的 VBIOS 版本</translation>
    </message>
    <message>
        <source>memory total in MiB</source>
        <translation>显存总量（MiB）</translation>
    </message>
    <message>
        <source>die laser marking</source>
        <translation>芯片激光丝印</translation>
    </message>
    <message>
        <source>die date code (YYWW)</source>
        <translation>芯片日期码（YYWW）</translation>
    </message>
    <message>
        <source>memory chips harvested</source>
        <translation>回收的显存颗粒数</translation>
    </message>
    <message>
        <source>damage found while stripping</source>
        <translation>拆解时发现的损伤</translation>
    </message>
    <message>
        <source>moisture sensitivity level of the die</source>
        <translation>芯片湿敏等级</translation>
    </message>
    <message>
        <source>when the die left dry storage (its floor-life clock starts)</source>
        <translation>芯片离开干燥存储的时间（车间寿命开始计时）</translation>
    </message>
    <message>
        <source>die id from the traveler label</source>
        <translation>流转标签上的芯片编号</translation>
    </message>
    <message>
        <source>solder ball alloy</source>
        <translation>锡球合金</translation>
    </message>
    <message>
        <source>solder ball diameter in mm</source>
        <translation>锡球直径（mm）</translation>
    </message>
    <message>
        <source>stencil id</source>
        <translation>钢网编号</translation>
    </message>
    <message>
        <source>flux lot</source>
        <translation>助焊剂批号</translation>
    </message>
    <message>
        <source>server board serial</source>
        <translation>服务器主板序列号</translation>
    </message>
    <message>
        <source>reflow profile id</source>
        <translation>回流曲线编号</translation>
    </message>
    <message>
        <source>measured peak temperature in °C</source>
        <translation>实测峰值温度（°C）</translation>
    </message>
    <message>
        <source>measured time above liquidus in s</source>
        <translation>实测液相线以上时间（秒）</translation>
    </message>
    <message>
        <source>unit serial</source>
        <translation>整机序列号</translation>
    </message>
    <message>
        <source>inspection result</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>worst ball void in % of ball area</source>
        <translation>最大焊球空洞率（占焊球面积 %）</translation>
    </message>
    <message>
        <source>bridged balls</source>
        <translation>桥连焊球数</translation>
    </message>
    <message>
        <source>opens or missing balls</source>
        <translation>开路或缺球数</translation>
    </message>
    <message>
        <source>head-in-pillow joints</source>
        <translation>枕头效应焊点数</translation>
    </message>
    <message>
        <source>die misaligned</source>
        <translation>芯片偏位</translation>
    </message>
    <message>
        <source>short on a power rail</source>
        <translation>电源轨短路</translation>
    </message>
    <message>
        <source>test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>GPU UUID reported by the card</source>
        <translation>显卡报告的 GPU UUID</translation>
    </message>
    <message>
        <source>VBIOS version</source>
        <translation>VBIOS 版本</translation>
    </message>
    <message>
        <source>PCIe link generation</source>
        <translation>PCIe 链路代数</translation>
    </message>
    <message>
        <source>PCIe link width</source>
        <translation>PCIe 链路宽度</translation>
    </message>
    <message>
        <source>highest GPU temperature in °C</source>
        <translation>GPU 最高温度（°C）</translation>
    </message>
    <message>
        <source>burn-in result</source>
        <translation>老化测试结果</translation>
    </message>
    <message>
        <source>burn-in duration in minutes</source>
        <translation>老化时长（分钟）</translation>
    </message>
    <message>
        <source>VRAM test result</source>
        <translation>显存测试结果</translation>
    </message>
    <message>
        <source>VRAM test error count</source>
        <translation>显存测试错误数</translation>
    </message>
    <message>
        <source>batch id (opened if new)</source>
        <translation>批次号（新批次自动开启）</translation>
    </message>
    <message>
        <source>batch id</source>
        <translation>批次号</translation>
    </message>
    <message>
        <source>carrier or shipment reference</source>
        <translation>承运商或发货单号</translation>
    </message>
    <message>
        <source>serial of the card, die or unit to scrap</source>
        <translation>要报废的卡、芯片或整机序列号</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>id of the record to void</source>
        <translation>要作废的记录编号</translation>
    </message>
    <message>
        <source>driver version of the nvidia-smi report</source>
        <translation>nvidia-smi 报告中的驱动版本</translation>
    </message>
    <message>
        <source>bake duration in hours</source>
        <translation>烘烤时长（小时）</translation>
    </message>
    <message>
        <source>oven temperature in °C</source>
        <translation>烘箱温度（°C）</translation>
    </message>
    <message>
        <source>when the bake ended</source>
        <translation>烘烤结束时间</translation>
    </message>
    <message>
        <source>oven id</source>
        <translation>烘箱编号</translation>
    </message>
    <message>
        <source>photos or X-ray images, files separated by ;</source>
        <translation>照片或 X 光图像，多个文件用 ; 分隔</translation>
    </message>
    <message>
        <source>product&apos;s chip count</source>
        <translation>产品的颗粒数</translation>
    </message>
    <message>
        <source>product&apos;s MSL</source>
        <translation>产品的湿敏等级</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <source>product&apos;s die marking</source>
        <translation>产品的芯片丝印</translation>
    </message>
    <message>
        <source>supervisor only: why a value differs from the GPU&apos;s report, or why the unit passes without one</source>
        <translation>仅限主管：某个值为何与 GPU 报告不同，或整机为何在没有报告的情况下通过</translation>
    </message>
</context>
<context>
    <name>FilledLabel</name>
    <message>
        <source>element %1: %2</source>
        <translation>元素 %1：%2</translation>
    </message>
    <message>
        <source>element %1: cannot read the image %2 (PNG up to 4000 × 4000)</source>
        <translation>元素 %1：无法读取图片 %2（PNG，最大 4000 × 4000）</translation>
    </message>
    <message>
        <source>element %1: &quot;%2&quot; does not fit in %3 × %4 mm at %5 dpi with modules of %6 dots (%7 mm) or more; enlarge the element or shorten the data</source>
        <translation>元素 %1：“%2”在 %5 dpi、模块不小于 %6 点（%7 mm）时放不进 %3 × %4 mm；请放大元素或缩短数据</translation>
    </message>
    <message>
        <source>element %1: &quot;%2&quot; would shrink below %3 mm to fit in %4 mm; widen the element or shorten the text</source>
        <translation>元素 %1：“%2”要放进 %4 mm 就得缩小到 %3 mm 以下；请加宽元素或缩短文字</translation>
    </message>
    <message>
        <source>element %1: &quot;%2&quot; needs %3 lines but its %4 mm box holds %5; enlarge the element or shorten the text</source>
        <translation>元素 %1：“%2”需要 %3 行，但其 %4 mm 的框只能容纳 %5 行；请放大元素或缩短文本</translation>
    </message>
    <message>
        <source>element %1: the image %2 is a link to a file outside the template&apos;s folder; copy the image into the folder instead</source>
        <translation>元素 %1：图像 %2 是指向模板文件夹之外文件的链接；请改为将图像复制到该文件夹中</translation>
    </message>
</context>
<context>
    <name>FreeText</name>
    <message>
        <source>%1 is too long (at most %2 characters)</source>
        <translation>%1 过长（最多 %2 个字符）</translation>
    </message>
    <message>
        <source>%1 is one line with no control characters; type it again</source>
        <translation>%1 须为单行且不含控制字符；请重新输入</translation>
    </message>
</context>
<context>
    <name>GpuBurnImporter</name>
    <message>
        <source>this is not a gpu_burn log: it has no GPU list, no &quot;proc&apos;d&quot; progress line and no &quot;Tested N GPUs&quot; block</source>
        <translation>这不是 gpu_burn 日志：没有 GPU 列表、没有 &quot;proc&apos;d&quot; 进度行，也没有 &quot;Tested N GPUs&quot; 段</translation>
    </message>
</context>
<context>
    <name>GpuReportReader</name>
    <message>
        <source>give the GPU number, 0 or more</source>
        <translation>请给出 GPU 序号（0 或更大）</translation>
    </message>
    <message>
        <source>smi_gpu needs a report: smi=FILE</source>
        <translation>smi_gpu 需要报告：smi=文件</translation>
    </message>
</context>
<context>
    <name>IdentityRegistry</name>
    <message>
        <source>donor card</source>
        <translation>供体显卡</translation>
    </message>
    <message>
        <source>die</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>server board</source>
        <translation>服务器主板</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>整机</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>scan the donor card&apos;s serial sticker</source>
        <translation>请扫描供体显卡的序列号标签</translation>
    </message>
    <message>
        <source>scan the die&apos;s traveler label</source>
        <translation>请扫描芯片的流转标签</translation>
    </message>
    <message>
        <source>scan the serial sticker of a new server board</source>
        <translation>请扫描新服务器主板的序列号标签</translation>
    </message>
    <message>
        <source>scan the unit label or its board&apos;s serial sticker</source>
        <translation>请扫描整机标签或其主板的序列号标签</translation>
    </message>
    <message>
        <source>scan the batch label</source>
        <translation>请扫描批次标签</translation>
    </message>
    <message>
        <source>import the nvidia-smi report</source>
        <translation>请导入 nvidia-smi 报告</translation>
    </message>
</context>
<context>
    <name>InputFile</name>
    <message>
        <source>%1 is larger than %2; is it the right file?</source>
        <translation>%1 大于 %2；是正确的文件吗？</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 does not exist; choose the file again</source>
        <translation>%1 不存在；请重新选择文件</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file; choose a file in it</source>
        <translation>%1 是文件夹而不是文件；请选择其中的文件</translation>
    </message>
    <message>
        <source>%1 is not a regular file; choose a saved file</source>
        <translation>%1 不是普通文件；请选择已保存的文件</translation>
    </message>
    <message>
        <source>%1 is a pipe (FIFO), not a saved file; save the output to a file first</source>
        <translation>%1 是管道（FIFO），不是已保存的文件；请先把输出保存到文件</translation>
    </message>
    <message>
        <source>%1 is a device, not a file; choose a saved file</source>
        <translation>%1 是设备而不是文件；请选择已保存的文件</translation>
    </message>
    <message>
        <source>%1 is a socket, not a file; choose a saved file</source>
        <translation>%1 是套接字而不是文件；请选择已保存的文件</translation>
    </message>
    <message>
        <source>no file was given; choose one</source>
        <translation>没有给出文件；请选择一个</translation>
    </message>
    <message>
        <source>%1 is this station&apos;s own database, not a file to import; choose the report or log itself</source>
        <translation>%1 是本工位自己的数据库，不是要导入的文件；请选择报告或日志本身</translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message>
        <source>integrity: %1</source>
        <translation>完整性：%1</translation>
    </message>
    <message>
        <source>foreign key: %1 %2: %3 is not in %4</source>
        <translation>外键：%1 %2：%3 不在 %4 中</translation>
    </message>
    <message>
        <source>foreign key: %1 more rows name a parent that is not there</source>
        <translation>外键：另有 %1 行指向不存在的上级记录</translation>
    </message>
    <message>
        <source>no event names %1; give a card, die, board, unit or batch</source>
        <translation>没有事件涉及 %1；请给出显卡、芯片、板卡、成品或批次</translation>
    </message>
    <message numerus="yes">
        <source>events: %n event(s) name operator %1, who is not registered here</source>
        <translation>
            <numerusform>事件：%n 条事件记在操作员 %1 名下，但本机未登记此人</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is missing, though the events make it</source>
        <translation>%1 缺失，但事件会生成它</translation>
    </message>
    <message>
        <source>%1 is missing, though its source counts it</source>
        <translation>%1 缺失，但其来源计入了它</translation>
    </message>
    <message>
        <source>%1 is made by no event</source>
        <translation>%1 不是任何事件生成的</translation>
    </message>
    <message>
        <source>%1 counts nothing in its source</source>
        <translation>%1 在其来源中没有对应</translation>
    </message>
    <message>
        <source>%1 is %2, the events give %3</source>
        <translation>%1 为 %2，事件得出 %3</translation>
    </message>
    <message>
        <source>%1 is %2, its source gives %3</source>
        <translation>%1 为 %2，来源得出 %3</translation>
    </message>
    <message>
        <source>%1 differs</source>
        <translation>%1 不一致</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>；另有 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>event %1 (%2 of %3)</source>
        <translation>事件 %1（%3 的 %2）</translation>
    </message>
    <message>
        <source> names %1</source>
        <translation> 指向 %1</translation>
    </message>
    <message>
        <source>event links: the trace and the KPI rollups read these links; differences of the rollups below may follow from them</source>
        <translation>事件关联：追溯和 KPI 汇总都读取这些关联；下面汇总的差异可能由此引起</translation>
    </message>
    <message>
        <source>derived state: %1</source>
        <translation>派生状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>derived state: %n row(s) of %1 differ from a count of their source: %2</source>
        <translation>
            <numerusform>派生状态：%1 有 %n 行与其来源的计数不一致：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>derived state: %n row(s) of %1 differ from a replay of the events: %2</source>
        <translation>
            <numerusform>派生状态：%1 有 %n 行与事件重放结果不一致：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>event links: %n event(s) do not name their own item: %1</source>
        <translation>事件关联：%n 个事件未关联其自身物品：%1</translation>
    </message>
    <message>
        <source>event links: %n event(s) name no donor card, or more than one: %1</source>
        <translation>事件关联：%n 个事件未关联来源显卡，或关联了多张：%1</translation>
    </message>
    <message>
        <source>event links: %n link(s) name a card, die or board their event&apos;s item does not come from: %1</source>
        <translation>事件关联：%n 个关联指向的显卡、芯片或板卡不属于该事件的物品：%1</translation>
    </message>
    <message>
        <source>events: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <source>events: the hash chain breaks at event #%1: %2</source>
        <translation>事件：哈希链在事件 #%1 处断开：%2</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <source>card</source>
        <translation>显卡</translation>
    </message>
    <message>
        <source>die</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>board</source>
        <translation>板卡</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>成品</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
</context>
<context>
    <name>KpiQuery</name>
    <message>
        <source>duplicate GPU UUID %1 on units %2, %3</source>
        <translation>GPU UUID %1 重复，出现在单元 %2、%3</translation>
    </message>
    <message>
        <source>unit %1 reports GPU %2, its donor card had %3</source>
        <translation>单元 %1 报告的 GPU 为 %2，其来源卡为 %3</translation>
    </message>
    <message>
        <source>between stations: %1</source>
        <translation>工位之间：%1</translation>
    </message>
    <message>
        <source>%1 of %2 at %3 not applied here: %4</source>
        <translation>%3 的 %2 的%1记录未在此应用：%4</translation>
    </message>
    <message>
        <source>between stations (resolved): %1</source>
        <translation>工位之间（已解决）：%1</translation>
    </message>
    <message>
        <source>no station %1 is registered here; check the name</source>
        <translation>本机没有登记工位 %1；请检查名称</translation>
    </message>
    <message>
        <source>no product model %1 is known here; check the name</source>
        <translation>本机不认识产品型号 %1；请检查名称</translation>
    </message>
    <message>
        <source>no batch %1 is recorded here; check the batch id</source>
        <translation>本机没有批次 %1 的记录；请检查批次号</translation>
    </message>
    <message>
        <source>the range starts on %1, after it ends on %2; choose a From date on or before To</source>
        <translation>范围从 %1 开始，晚于结束日期 %2；请选择不晚于结束日期的开始日期</translation>
    </message>
</context>
<context>
    <name>LabelData</name>
    <message>
        <source>no %1 %2 is recorded; scan the %1&apos;s own label</source>
        <translation>没有记录 %1 %2；请扫描该%1自己的标签</translation>
    </message>
    <message>
        <source>the label needs ${%1}, which has no value here; record it first or fix the template</source>
        <translation>标签需要 ${%1}，但此处没有值；请先记录它或修改模板</translation>
    </message>
    <message>
        <source>the label text has a malformed ${...}; fix the template</source>
        <translation>标签文字中的 ${...} 格式错误；请修改模板</translation>
    </message>
    <message>
        <source>%1 %2 is scrapped; a scrapped item gets no label, mark it as scrap instead</source>
        <translation>%1 %2 已报废；报废的物品不打标签，请把它标记为报废品</translation>
    </message>
    <message>
        <source>unit %1 has not passed its test; test it, then print its label</source>
        <translation>整机 %1 尚未通过测试；请先测试，再打印标签</translation>
    </message>
    <message>
        <source>batch %1 is still open; close it, then print its label</source>
        <translation>批次 %1 仍未关闭；请先关闭，再打印标签</translation>
    </message>
</context>
<context>
    <name>LabelPainter</name>
    <message>
        <source>no label to write</source>
        <translation>没有要写出的标签</translation>
    </message>
    <message>
        <source>cannot write %1; choose a folder you may write to</source>
        <translation>无法写入 %1；请选择有写权限的文件夹</translation>
    </message>
    <message>
        <source>the PDF %1 came out empty</source>
        <translation>生成的 PDF %1 是空的</translation>
    </message>
</context>
<context>
    <name>LabelPrintLog</name>
    <message>
        <source>the %1 label of %2 was printed before; say why it is printed again</source>
        <translation>%2 的 %1 标签已打印过；请说明补打原因</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>failed, queued for retry</source>
        <translation>失败，已排队重试</translation>
    </message>
    <message>
        <source>sent, unconfirmed</source>
        <translation>已发送，未确认</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>print 1 to 99 copies of a label</source>
        <translation>标签可打印 1 到 99 份</translation>
    </message>
    <message>
        <source>say why the label is cancelled</source>
        <translation>请说明取消标签的原因</translation>
    </message>
    <message>
        <source>the print %1 is %2, not waiting in the queue; only a queued label can be cancelled</source>
        <translation>打印 %1 的状态为 %2，不在队列中等待；只能取消排队中的标签</translation>
    </message>
    <message>
        <source>no print %1 is recorded; label history SERIAL shows the ids</source>
        <translation>没有打印 %1 的记录；label history SERIAL 可查看 ID</translation>
    </message>
</context>
<context>
    <name>LabelPrinter</name>
    <message>
        <source>the %1 label of %2 was printed before; give a reason to print it again</source>
        <translation>%2 的 %1 标签已打印过；补打请给出原因</translation>
    </message>
    <message>
        <source>cannot write %1; choose a folder you may write to</source>
        <translation>无法写入 %1；请选择有写权限的文件夹</translation>
    </message>
    <message>
        <source>print 1 to 99 copies of a label</source>
        <translation>标签可打印 1 到 99 份</translation>
    </message>
    <message>
        <source>%1 already exists and is left as it is; give another file name, or --force to replace it</source>
        <translation>%1 已存在，保持不变；请换一个文件名，或使用 --force 覆盖</translation>
    </message>
    <message>
        <source>the printer at %1 prints at %2 dpi; labels are laid out for 203, 300 or 600 dpi printers</source>
        <translation>%1 处的打印机分辨率为 %2 dpi；标签仅按 203、300 或 600 dpi 打印机排版</translation>
    </message>
    <message>
        <source>the printer at %1 prints at %2 dpi, but this label was laid out for about %3 dpi (the printer could not be asked when it was printed); it stays queued: cancel it (label cancel %4) and print it again</source>
        <translation>%1 处的打印机分辨率为 %2 dpi，但此标签按约 %3 dpi 排版（打印时无法查询打印机）；标签保留在队列中：请取消（label cancel %4）后重新打印</translation>
    </message>
</context>
<context>
    <name>LabelTemplate</name>
    <message>
        <source>the template file is larger than 256 KB; a label needs far less</source>
        <translation>模板文件超过 256 KB；一个标签用不了这么多</translation>
    </message>
    <message>
        <source>not a label template (JSON error at byte %1: %2); check the file</source>
        <translation>不是标签模板（JSON 错误，位于第 %1 字节：%2）；请检查文件</translation>
    </message>
    <message>
        <source>unknown setting &quot;%1&quot; in the template</source>
        <translation>模板中有未知设置“%1”</translation>
    </message>
    <message>
        <source>the template needs a name of lower-case letters, digits and dashes</source>
        <translation>模板名称只能由小写字母、数字和短横线组成</translation>
    </message>
    <message>
        <source>kind must be die, unit or batch</source>
        <translation>kind 必须是 die、unit 或 batch</translation>
    </message>
    <message>
        <source>the label must be %1 to %2 mm on each side</source>
        <translation>标签每边必须在 %1 到 %2 毫米之间</translation>
    </message>
    <message>
        <source>dpi must be 203, 300 or 600, as the printer prints</source>
        <translation>dpi 必须是 203、300 或 600，与打印机一致</translation>
    </message>
    <message>
        <source>the template has no elements</source>
        <translation>模板中没有元素</translation>
    </message>
    <message>
        <source>a template holds at most %1 elements</source>
        <translation>一个模板最多 %1 个元素</translation>
    </message>
    <message>
        <source>element %1: unknown setting &quot;%2&quot;</source>
        <translation>元素 %1：未知设置“%2”</translation>
    </message>
    <message>
        <source>element %1: unknown type &quot;%2&quot;; use text, barcode, line, box or image</source>
        <translation>元素 %1：未知类型“%2”；请用 text、barcode、line、box 或 image</translation>
    </message>
    <message>
        <source>element %1: give x_mm, y_mm, w_mm and h_mm, none negative</source>
        <translation>元素 %1：请给出 x_mm、y_mm、w_mm 和 h_mm，均不能为负</translation>
    </message>
    <message>
        <source>element %1 reaches past the %2 × %3 mm label; move or shrink it</source>
        <translation>元素 %1 超出 %2 × %3 毫米的标签；请移动或缩小它</translation>
    </message>
    <message>
        <source>element %1: a text element needs &quot;text&quot;</source>
        <translation>元素 %1：文字元素需要 &quot;text&quot;</translation>
    </message>
    <message>
        <source>element %1: size_pt must be 3 to 72</source>
        <translation>元素 %1：size_pt 必须在 3 到 72 之间</translation>
    </message>
    <message>
        <source>element %1: symbology must be code128, gs1-128, datamatrix or qr</source>
        <translation>元素 %1：symbology 必须是 code128、gs1-128、datamatrix 或 qr</translation>
    </message>
    <message>
        <source>element %1: a barcode needs &quot;data&quot;</source>
        <translation>元素 %1：条码需要 &quot;data&quot;</translation>
    </message>
    <message>
        <source>element %1: %2</source>
        <translation>元素 %1：%2</translation>
    </message>
    <message>
        <source>element %1: thickness_mm must be above 0 and at most 10</source>
        <translation>元素 %1：thickness_mm 必须大于 0 且不超过 10</translation>
    </message>
    <message>
        <source>printed_from is &quot;mounted&quot; on a unit label (a traveler), or left out</source>
        <translation>printed_from 只能用于整机标签（流转标签），取值为 &quot;mounted&quot;，或者不写</translation>
    </message>
    <message>
        <source>the description is one line of at most 200 characters</source>
        <translation>描述须为单行，最多 200 个字符</translation>
    </message>
    <message>
        <source>a template holds at most %1 images</source>
        <translation>一个模板最多 %1 张图片</translation>
    </message>
    <message>
        <source>element %1: a text is one line of at most %2 characters</source>
        <translation>元素 %1：文字须为单行，最多 %2 个字符</translation>
    </message>
    <message>
        <source>element %1: a font name is one line of at most 60 characters</source>
        <translation>元素 %1：字体名称须为单行，最多 60 个字符</translation>
    </message>
    <message>
        <source>element %1: barcode data is at most %2 characters, with no control characters but line breaks</source>
        <translation>元素 %1：条码数据最多 %2 个字符，除换行外不得含控制字符</translation>
    </message>
    <message>
        <source>element %1: an image needs &quot;file&quot;, a file name in the template&apos;s folder (labels/ of the data folder); no absolute path, no &quot;..&quot;</source>
        <translation>元素 %1：图片需要 &quot;file&quot;，即模板文件夹（数据文件夹的 labels/）中的文件名；不能用绝对路径，也不能含 &quot;..&quot;</translation>
    </message>
    <message>
        <source>element %1: the images cover more than %2 million printer dots at %3 dpi; make them smaller</source>
        <translation>元素 %1：图像在 %3 dpi 下超过 %2 百万个打印点；请缩小图像</translation>
    </message>
</context>
<context>
    <name>LabelTemplateStore</name>
    <message>
        <source>&quot;%1&quot; is not a template name; known: %2</source>
        <translation>“%1”不是模板名称；已知：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no label template &quot;%1&quot;; known: %2</source>
        <translation>没有标签模板“%1”；已知：%2</translation>
    </message>
    <message>
        <source>a shared template&apos;s name is 1-40 lower-case letters, digits and dashes (e.g. unit-label-50x25); &quot;%1&quot; is not</source>
        <translation>共享模板的名称须为 1-40 个小写字母、数字和连字符（例如 unit-label-50x25）；“%1”不符合</translation>
    </message>
    <message>
        <source>%1 is the %2 dpi variant of %3, but it says dpi %4 and name %5; correct the file</source>
        <translation>%1 是 %3 的 %2 dpi 变体，但文件中写的是 dpi %4、名称 %5；请修正文件</translation>
    </message>
</context>
<context>
    <name>LimitStore</name>
    <message>
        <source>no limit called %1</source>
        <translation>没有名为 %1 的限值</translation>
    </message>
    <message>
        <source>no product %1; add it first</source>
        <translation>没有产品 %1；请先添加</translation>
    </message>
    <message>
        <source>the lower bound must be a number below the upper bound</source>
        <translation>下限必须是小于上限的数字</translation>
    </message>
</context>
<context>
    <name>LogTails</name>
    <message>
        <source>audit entry #%1 saw event #%2, which is gone: the last events were cut off</source>
        <translation>审计条目 #%1 记录的事件 #%2 已不存在：最后的事件被截掉了</translation>
    </message>
    <message>
        <source>event #%2 is not the one audit entry #%1 saw</source>
        <translation>事件 #%2 不是审计条目 #%1 记录的那一条</translation>
    </message>
    <message>
        <source>event #%1 saw audit entry #%2, which is gone: the last audit entries were cut off</source>
        <translation>事件 #%1 记录的审计条目 #%2 已不存在：最后的审计条目被截掉了</translation>
    </message>
    <message>
        <source>audit entry #%2 is not the one event #%1 saw</source>
        <translation>审计条目 #%2 不是事件 #%1 记录的那一条</translation>
    </message>
    <message>
        <source>%1 numbers up to #%2 were given but the table ends at #%3: its last entries were removed</source>
        <translation>%1 的编号已发到 #%2，但表只到 #%3：最后的条目被删除了</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>operator %1 is locked until %2 after %3 wrong PINs; wait, or ask a supervisor</source>
        <translation>操作员 %1 因 %3 次 PIN 错误被锁定至 %2；请等待，或联系主管</translation>
    </message>
    <message>
        <source>%1 wrong PINs: operator %2 is locked for %3 minutes; ask a supervisor</source>
        <translation>%1 次 PIN 错误：操作员 %2 被锁定 %3 分钟；请联系主管</translation>
    </message>
    <message>
        <source>wrong operator id or PIN; try again</source>
        <translation>操作员编号或 PIN 错误；请重试</translation>
    </message>
    <message>
        <source>operator %1 is disabled; ask a supervisor</source>
        <translation>操作员 %1 已停用；请联系主管</translation>
    </message>
</context>
<context>
    <name>Measurement</name>
    <message>
        <source>X-ray void %</source>
        <translation>X 光空洞率 %</translation>
    </message>
    <message>
        <source>reflow peak temperature</source>
        <translation>回流峰值温度</translation>
    </message>
    <message>
        <source>time above liquidus</source>
        <translation>液相线以上时间</translation>
    </message>
    <message>
        <source>GPU temperature at test</source>
        <translation>测试时 GPU 温度</translation>
    </message>
    <message>
        <source>burn-in Gflop/s</source>
        <translation>烤机 Gflop/s</translation>
    </message>
    <message>
        <source>burn-in minutes</source>
        <translation>烤机分钟数</translation>
    </message>
    <message>
        <source>VRAM test errors</source>
        <translation>显存测试错误数</translation>
    </message>
</context>
<context>
    <name>MemtestVulkanImporter</name>
    <message>
        <source>this is not memtest_vulkan output: it has no device line, no &quot;N iteration.&quot; line and no &quot;memtest_vulkan:&quot; verdict</source>
        <translation>这不是 memtest_vulkan 输出：没有设备行、没有 &quot;N iteration.&quot; 行，也没有 &quot;memtest_vulkan:&quot; 结论</translation>
    </message>
</context>
<context>
    <name>MigrationFiles</name>
    <message>
        <source>migration %1 has no version number in its name</source>
        <translation>迁移文件 %1 的文件名中没有版本号</translation>
    </message>
    <message>
        <source>migrations in %1 are not numbered 1, 2, 3, ...: %2 where %3 belongs</source>
        <translation>%1 中的迁移文件未按 1、2、3……编号：第 %3 个位置是 %2</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>apply a migration</source>
        <translation>执行数据库迁移</translation>
    </message>
    <message>
        <source>read the schema version</source>
        <translation>读取结构版本</translation>
    </message>
    <message>
        <source>this database has schema version %1 but this program knows only up to %2; install the newer ReworkTrack, the database was not touched</source>
        <translation>此数据库的结构版本为 %1，而本程序只支持到 %2；请安装更新的 ReworkTrack，数据库未被改动</translation>
    </message>
    <message>
        <source>read migration %1</source>
        <translation>读取迁移 %1</translation>
    </message>
</context>
<context>
    <name>NextStepResolver</name>
    <message>
        <source>die %1 needs reball next</source>
        <translation>芯片 %1 下一步需植球</translation>
    </message>
    <message>
        <source>die %1 is reballed; it needs mount next</source>
        <translation>芯片 %1 已植球；下一步是贴装</translation>
    </message>
    <message>
        <source>die %1 is %2</source>
        <translation>芯片 %1 状态为 %2</translation>
    </message>
    <message>
        <source>card %1 was received; it needs strip next</source>
        <translation>卡 %1 已入库；下一步是拆解</translation>
    </message>
    <message>
        <source>card %1 was scrapped</source>
        <translation>卡 %1 已报废</translation>
    </message>
    <message>
        <source>batch %1 is %2 with %3 units</source>
        <translation>批次 %1 状态为 %2，共 %3 台整机</translation>
    </message>
    <message>
        <source>%1 is new here; receive it at intake</source>
        <translation>%1 是新卡；请在入库工位登记</translation>
    </message>
    <message>
        <source>die %1 is past its moisture floor life; bake it before any reflow</source>
        <translation>芯片 %1 已超过湿敏车间寿命；回流前必须烘烤</translation>
    </message>
    <message>
        <source>scan a card, die, board, unit or batch label</source>
        <translation>请扫描显卡、芯片、主板、整机或批次标签</translation>
    </message>
    <message>
        <source>%1 is a die or unit id issued at another station; sync this station, then scan it again</source>
        <translation>%1 是其他工位签发的芯片或整机编号；请先同步本工位，再重新扫描</translation>
    </message>
    <message>
        <source>%1 is not a known card, die, board, unit or batch; check the label</source>
        <translation>%1 不是已知的显卡、芯片、主板、整机或批次；请检查标签</translation>
    </message>
    <message>
        <source>%1 is the server board of unit %2</source>
        <translation>%1 是整机 %2 的服务器主板</translation>
    </message>
    <message>
        <source>GPU %1 is in unit %2</source>
        <translation>GPU %1 在整机 %2 中</translation>
    </message>
    <message>
        <source>die %1 is in unit %2</source>
        <translation>芯片 %1 在整机 %2 中</translation>
    </message>
    <message>
        <source>%1. Take it to a station of step: %2.</source>
        <translation>%1。请将其送到以下工序的工位：%2。</translation>
    </message>
</context>
<context>
    <name>NvidiaSmiImporter</name>
    <message>
        <source>the report declares XML entities, which nvidia-smi never does; it was refused</source>
        <translation>报告中声明了 XML 实体，nvidia-smi 从不这样做；已拒绝</translation>
    </message>
    <message>
        <source>the report uses an unknown XML entity; it was refused</source>
        <translation>报告使用了未知的 XML 实体；已拒绝</translation>
    </message>
    <message>
        <source>this XML is not an nvidia-smi report (root &lt;%1&gt;); save the output of nvidia-smi -q -x</source>
        <translation>此 XML 不是 nvidia-smi 报告（根元素 &lt;%1&gt;）；请保存 nvidia-smi -q -x 的输出</translation>
    </message>
    <message>
        <source>the report is nested too deeply</source>
        <translation>报告嵌套层级过深</translation>
    </message>
    <message>
        <source>the report is too large</source>
        <translation>报告过大</translation>
    </message>
    <message>
        <source>the report is not valid XML (line %1: %2); save it again</source>
        <translation>报告不是有效的 XML（第 %1 行：%2）；请重新保存</translation>
    </message>
    <message>
        <source>the report is empty</source>
        <translation>报告为空</translation>
    </message>
    <message>
        <source>this file is not an nvidia-smi report; save the output of nvidia-smi -q -x</source>
        <translation>此文件不是 nvidia-smi 报告；请保存 nvidia-smi -q -x 的输出</translation>
    </message>
    <message>
        <source>the report is larger than %1 MiB; is it the right file?</source>
        <translation>报告大于 %1 MiB；文件是否正确？</translation>
    </message>
    <message>
        <source>the report lists no GPU; is the card detected (nvidia-smi -L)?</source>
        <translation>报告中没有 GPU；显卡是否被识别（nvidia-smi -L）？</translation>
    </message>
    <message>
        <source>the report lists %1 GPUs; say which one with smi_gpu=0..%2</source>
        <translation>报告中有 %1 块 GPU；请用 smi_gpu=0..%2 指定</translation>
    </message>
    <message>
        <source>the report has no GPU number %1</source>
        <translation>报告中没有第 %1 块 GPU</translation>
    </message>
    <message>
        <source>the report lists more than %1 GPUs; it is not a real report</source>
        <translation>报告列出的 GPU 超过 %1 个；这不是真实的报告</translation>
    </message>
</context>
<context>
    <name>OperatorAccounts</name>
    <message>
        <source>give the operator&apos;s name (1-100 characters)</source>
        <translation>请输入操作员姓名（1-100 个字符）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role; use operator, supervisor or admin</source>
        <translation>“%1”不是角色；请使用 operator、supervisor 或 admin</translation>
    </message>
    <message>
        <source>operator %1 already exists</source>
        <translation>操作员 %1 已存在</translation>
    </message>
</context>
<context>
    <name>OperatorAdmin</name>
    <message>
        <source>only an admin can manage operators; ask your admin</source>
        <translation>只有管理员可以管理操作员；请联系管理员</translation>
    </message>
    <message>
        <source>no operator %1; check the id</source>
        <translation>没有操作员 %1；请检查编号</translation>
    </message>
    <message>
        <source>%1 is the last active admin; make another admin first</source>
        <translation>%1 是最后一个启用的管理员；请先设置另一位管理员</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role; use operator, supervisor or admin</source>
        <translation>“%1”不是角色；请使用 operator、supervisor 或 admin</translation>
    </message>
    <message>
        <source>only an admin can manage operators; give --operator and the admin&apos;s PIN</source>
        <translation>只有管理员可以管理操作员；请提供 --operator 和管理员的 PIN</translation>
    </message>
    <message>
        <source>SYSTEM is not an account; it cannot be changed or act</source>
        <translation>SYSTEM 不是账户；不能修改它，也不能以它的身份操作</translation>
    </message>
    <message>
        <source>the first account of a new database must be an admin</source>
        <translation>新数据库的第一个账户必须是管理员</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an action; actions look like record.void or label.print</source>
        <translation>“%1”不是操作；操作形如 record.void 或 label.print</translation>
    </message>
    <message>
        <source>admins keep operators.manage, or nobody could manage accounts again</source>
        <translation>管理员必须保留 operators.manage，否则再无人能管理账户</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>%1 is not a file; give a new file name</source>
        <translation>%1 不是文件；请给出新文件名</translation>
    </message>
    <message>
        <source>%1 exists and is not a file of this kind (a database, a backup, something else); nothing was written over it; give a new file name</source>
        <translation>%1 已存在且不是此类文件（数据库、备份或其他文件）；未覆盖；请给出新文件名</translation>
    </message>
    <message>
        <source>%1 is a link; give the file&apos;s own name, or a new one</source>
        <translation>%1 是链接；请给出文件本身的名称或新名称</translation>
    </message>
</context>
<context>
    <name>PinHasher</name>
    <message>
        <source>a PIN is 4 to 12 digits</source>
        <translation>PIN 为 4 到 12 位数字</translation>
    </message>
    <message>
        <source>the crypto library failed to start</source>
        <translation>加密库启动失败</translation>
    </message>
    <message>
        <source>out of memory while hashing the PIN</source>
        <translation>计算 PIN 哈希时内存不足</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <source>cannot create %1 (%2); choose a folder you may write to</source>
        <translation>无法创建 %1（%2）；请选择有写权限的文件夹</translation>
    </message>
    <message>
        <source>cannot create the folder %1; choose a folder you may write to</source>
        <translation>无法创建文件夹 %1；请选择有写权限的文件夹</translation>
    </message>
</context>
<context>
    <name>ProfileImportSettings</name>
    <message>
        <source>the time unit must be s, ms or min, not &quot;%1&quot;</source>
        <translation>时间单位必须是 s、ms 或 min，而不是“%1”</translation>
    </message>
    <message>
        <source>the temperature unit must be C, mC (milli-degrees) or F, not &quot;%1&quot;</source>
        <translation>温度单位必须是 C、mC（毫度）或 F，而不是“%1”</translation>
    </message>
    <message>
        <source>the rate window must be more than 0 and at most 600 seconds</source>
        <translation>速率窗口必须大于 0 且不超过 600 秒</translation>
    </message>
</context>
<context>
    <name>QAbstractSocket</name>
    <message>
        <source>Socket operation timed out</source>
        <translation>套接字操作超时</translation>
    </message>
</context>
<context>
    <name>ReadingLimits</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>至多 %1</translation>
    </message>
    <message>
        <source>needed to pass</source>
        <translation>通过所需</translation>
    </message>
    <message>
        <source>the report shows none: it cannot pass a unit</source>
        <translation>报告中没有该值：无法判定单元通过</translation>
    </message>
    <message>
        <source>below Gen %1 that card and slot support</source>
        <translation>低于卡和插槽支持的 Gen %1</translation>
    </message>
    <message>
        <source>below x%1 that card and slot support</source>
        <translation>低于卡和插槽支持的 x%1</translation>
    </message>
    <message>
        <source>read at idle: take the report under load</source>
        <translation>在空闲时读取：请在负载下获取报告</translation>
    </message>
</context>
<context>
    <name>RecallQuery</name>
    <message>
        <source>%1 is not a known card, die, board or unit</source>
        <translation>%1 不是已知的卡、芯片、主板或整机</translation>
    </message>
    <message>
        <source>lot %1</source>
        <translation>批号 %1</translation>
    </message>
    <message>
        <source>mounted by %1</source>
        <translation>由 %1 贴装</translation>
    </message>
    <message>
        <source>flux lot %1</source>
        <translation>助焊剂批号 %1</translation>
    </message>
    <message>
        <source>stencil %1</source>
        <translation>钢网 %1</translation>
    </message>
    <message>
        <source>reflow profile %1</source>
        <translation>回流曲线 %1</translation>
    </message>
    <message>
        <source>mounted within %1 h</source>
        <translation>%1 小时内贴装</translation>
    </message>
</context>
<context>
    <name>RecordedReflow</name>
    <message>
        <source>reflow log %1: %2</source>
        <translation>回流日志 %1: %2</translation>
    </message>
    <message>
        <source>missing from the evidence store</source>
        <translation>证据库中缺失</translation>
    </message>
    <message>
        <source>its content no longer matches the recorded hash</source>
        <translation>其内容与记录的哈希值不再一致</translation>
    </message>
</context>
<context>
    <name>ReferenceProjector</name>
    <message>
        <source>reference change %1 cannot be read</source>
        <translation>无法读取基础数据变更 %1</translation>
    </message>
    <message>
        <source>reference data: %1 was not set by its newest change</source>
        <translation>基础数据：%1 不是由其最新变更设置的</translation>
    </message>
    <message>
        <source>reference data: %1 is not what its newest change says</source>
        <translation>基础数据：%1 与其最新变更不一致</translation>
    </message>
    <message>
        <source>reference data: %1 %2 is missing, though its changes put it there</source>
        <translation>参考数据：%1 %2 不见了，但其变更记录表明它应当存在</translation>
    </message>
    <message>
        <source>reference data: %1 %2 was not added by any recorded change; it was written into the file directly</source>
        <translation>参考数据：%1 %2 不是由任何已记录的变更添加的，而是被直接写入了文件</translation>
    </message>
    <message>
        <source>(a PIN hash)</source>
        <translation>（PIN 哈希）</translation>
    </message>
    <message>
        <source>reference data: %1 is %2, its newest change says %3</source>
        <translation>参考数据：%1 为 %2，其最新变更为 %3</translation>
    </message>
</context>
<context>
    <name>ReflowProfileImporter</name>
    <message>
        <source>this is not a thermocouple log: no line holds a time and a temperature as numbers</source>
        <translation>这不是热电偶日志：没有任何一行包含数字形式的时间和温度</translation>
    </message>
    <message>
        <source>the import profile names the time column &quot;%1&quot;, but the columns are: %2</source>
        <translation>导入配置将时间列命名为“%1”，但实际的列为：%2</translation>
    </message>
    <message>
        <source>the import profile names the temperature column &quot;%1&quot;, but the columns are: %2</source>
        <translation>导入配置将温度列命名为“%1”，但实际的列为：%2</translation>
    </message>
    <message>
        <source>no column of this log is a temperature (%1); name it in the import profile (temp_columns)</source>
        <translation>此日志中没有温度列（%1）；请在导入配置中指定（temp_columns）</translation>
    </message>
    <message>
        <source>line %1 is not a row of numbers like the others; %2 of %3 rows could not be read</source>
        <translation>第 %1 行不像其他行那样是一行数字；%3 行中有 %2 行无法读取</translation>
    </message>
    <message>
        <source>line %1 is not a row of numbers; it was skipped</source>
        <translation>第 %1 行不是一行数字；已跳过</translation>
    </message>
    <message>
        <source>%1 more lines were skipped</source>
        <translation>另有 %1 行被跳过</translation>
    </message>
    <message>
        <source>the log has %1 samples; a reflow profile needs at least %2</source>
        <translation>日志有 %1 个采样点；回流曲线至少需要 %2 个</translation>
    </message>
    <message>
        <source>line %1: the time goes back (from %2 to %3); a log must hold one run, in order</source>
        <translation>第 %1 行：时间倒退（从 %2 到 %3）；一个日志必须按顺序只包含一次运行</translation>
    </message>
    <message>
        <source>column %1 reaches %2: too hot for °C, too cold for milli-°C; set temp_unit in the import profile</source>
        <translation>列 %1 达到 %2：按 °C 太高，按毫 °C 又太低；请在导入配置中设置 temp_unit</translation>
    </message>
    <message>
        <source>%1: %2 readings out of any oven&apos;s range were left out (an open thermocouple?)</source>
        <translation>%1：%2 个超出任何炉温范围的读数已被剔除（热电偶开路？）</translation>
    </message>
    <message>
        <source>column %1 has %2 readings; a reflow profile needs at least %3</source>
        <translation>列 %1 有 %2 个读数；回流曲线至少需要 %3 个</translation>
    </message>
    <message>
        <source>%1 has too few readings; it was left out</source>
        <translation>%1 的读数太少；已剔除</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>cannot write %1; choose a folder you can write to</source>
        <translation>无法写入 %1；请选择可写的文件夹</translation>
    </message>
    <message>
        <source>From %1 to %2, factory time (UTC%3)</source>
        <translation>从 %1 到 %2，工厂时间（UTC%3）</translation>
    </message>
    <message>
        <source>, station %1</source>
        <translation>，工位 %1</translation>
    </message>
    <message>
        <source>, model %1</source>
        <translation>，型号 %1</translation>
    </message>
    <message>
        <source>Yield</source>
        <translation>良率</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>First-pass yield, inspect</source>
        <translation>一次通过率（检测）</translation>
    </message>
    <message>
        <source>First-pass yield, test</source>
        <translation>一次通过率（测试）</translation>
    </message>
    <message>
        <source>Rolled throughput yield</source>
        <translation>直通率</translation>
    </message>
    <message>
        <source>Final yield</source>
        <translation>最终良率</translation>
    </message>
    <message>
        <source>Scrap rate</source>
        <translation>报废率</translation>
    </message>
    <message>
        <source>Retest rate</source>
        <translation>复测率</translation>
    </message>
    <message>
        <source>Cards received</source>
        <translation>来料卡</translation>
    </message>
    <message>
        <source>Units mounted</source>
        <translation>贴装整机</translation>
    </message>
    <message>
        <source>Throughput per station</source>
        <translation>各工位产出</translation>
    </message>
    <message>
        <source>Defect Pareto</source>
        <translation>缺陷柏拉图</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Defects</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>First-pass test yield of units mounted</source>
        <translation>所贴装整机的测试一次通过率</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>等待工序</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>%1 is not a batch; scan the batch label</source>
        <translation>%1 不是批次；请扫描批次标签</translation>
    </message>
    <message>
        <source>Batch report %1</source>
        <translation>批次报表 %1</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>整机</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>整机</translation>
    </message>
    <message>
        <source>Donor card</source>
        <translation>来料卡</translation>
    </message>
    <message>
        <source>Die</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>主板</translation>
    </message>
    <message>
        <source>GPU UUID</source>
        <translation>GPU UUID</translation>
    </message>
    <message>
        <source>VBIOS</source>
        <translation>VBIOS</translation>
    </message>
    <message>
        <source>Memory MiB</source>
        <translation>显存 MiB</translation>
    </message>
    <message>
        <source>PCIe</source>
        <translation>PCIe</translation>
    </message>
    <message>
        <source>Max °C</source>
        <translation>最高 °C</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>返修次数</translation>
    </message>
    <message>
        <source>Genealogy</source>
        <translation>谱系</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>工序</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>产出</translation>
    </message>
    <message numerus="yes">
        <source>Target for %n shift(s)</source>
        <translation>
            <numerusform>%n 个班次的目标</numerusform>
        </translation>
    </message>
    <message>
        <source>Of target</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>Work in progress and aging are as the line stands at %1, not at the end of this report&apos;s period.</source>
        <translation>在制品和滞留为产线在 %1 的状态，而非本报告期末的状态。</translation>
    </message>
    <message>
        <source>Work in progress at %1, by the step it waits for</source>
        <translation>%1 的在制品（按待进行工序）</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Aging WIP at %1</source>
        <translation>%1 的滞留在制品</translation>
    </message>
    <message>
        <source>The period ends at %1: throughput so far, against the whole period&apos;s target.</source>
        <translation>本期结束于 %1：产出为截至目前的数量，目标为整个期间的目标。</translation>
    </message>
    <message numerus="yes">
        <source>%n more item(s) idle past the aging limit are not listed; reworkctl kpi --json lists the oldest 200.</source>
        <translation>
            <numerusform>另有 %n 件超过滞留时限的物品未列出；reworkctl kpi --json 列出最久的 200 件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>a forced restore needs a reason; give --reason TEXT</source>
        <translation>强制恢复需要原因；请给出 --reason TEXT</translation>
    </message>
    <message>
        <source>%1 is the database in use or a restore&apos;s copy of a backup; give a backup</source>
        <translation>%1 是正在使用的数据库或恢复过程中的备份副本；请给出一个备份</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>cannot count the events of the database in use (%1); if it is damaged, restore with --force --reason TEXT</source>
        <translation>无法统计正在使用的数据库的记录数（%1）；如果它已损坏，请用 --force --reason TEXT 恢复</translation>
    </message>
    <message>
        <source>%1 holds %2 events but this station has %3 (events lost by restoring it: %4). Choose a newer backup, or if they are to go, restore with --force --reason TEXT</source>
        <translation>%1 有 %2 条记录，而本工位有 %3 条（恢复后将丢失 %4 条）。请选择更新的备份；若确要舍弃，请用 --force --reason TEXT 恢复</translation>
    </message>
    <message>
        <source>keep the replaced database</source>
        <translation>保留被替换的数据库</translation>
    </message>
    <message>
        <source>cannot write %1; free disk space and try again</source>
        <translation>无法写入 %1；请释放磁盘空间后重试</translation>
    </message>
    <message>
        <source>there is no file %1; give the path of a backup</source>
        <translation>文件 %1 不存在；请给出备份的路径</translation>
    </message>
    <message>
        <source>%1 is an unfinished backup or a journal file; choose a finished backup (DATA/backups/reworktrack-DATE-TIME.sqlite)</source>
        <translation>%1 是未完成的备份或日志文件；请选择完成的备份（DATA/backups/reworktrack-日期-时间.sqlite）</translation>
    </message>
    <message>
        <source>%1 is not a regular file; give a backup file</source>
        <translation>%1 不是普通文件；请给出备份文件</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a ReworkTrack database; choose a backup made by reworkctl backup</source>
        <translation>%1 不是 ReworkTrack 数据库；请选择由 reworkctl backup 生成的备份</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot copy %1 beside the database: %2; free disk space and try again</source>
        <translation>无法把 %1 复制到数据库旁：%2；请释放磁盘空间后重试</translation>
    </message>
    <message>
        <source>%1 is not a ReworkTrack database (schema version %2); choose a backup made by reworkctl backup</source>
        <translation>%1 不是 ReworkTrack 数据库（版本 %2）；请选择由 reworkctl backup 生成的备份</translation>
    </message>
    <message>
        <source>%1 was made by a newer ReworkTrack (schema version %2, this program knows up to %3); install that version to restore it</source>
        <translation>%1 由更新版本的 ReworkTrack 生成（数据库版本 %2，本程序最高支持 %3）；请安装该版本后再恢复</translation>
    </message>
    <message>
        <source>%1 is not a complete ReworkTrack database (missing or changed: %2); choose another backup</source>
        <translation>%1 不是完整的 ReworkTrack 数据库（缺少或被改动：%2）；请选择其他备份</translation>
    </message>
    <message>
        <source>the event log in %1 was tampered with (%2); choose another backup</source>
        <translation>%1 中的事件日志被篡改（%2）；请选择其他备份</translation>
    </message>
    <message>
        <source>the audit log in %1 was tampered with (%2); choose another backup</source>
        <translation>%1 中的审计日志被篡改（%2）；请选择其他备份</translation>
    </message>
    <message>
        <source>%1 fails its check (%2); choose another backup</source>
        <translation>%1 未通过检查（%2）；请选择其他备份</translation>
    </message>
    <message>
        <source>a forced restore is an admin&apos;s act; give --operator ADMIN and that admin&apos;s PIN</source>
        <translation>强制恢复只能由管理员执行；请给出 --operator ADMIN 和该管理员的 PIN</translation>
    </message>
    <message>
        <source>the sync server holds this station&apos;s events up to event %1, but %2 ends at event %3: restoring it would lose what the server has. Choose a newer backup, fill a new database from the server with sync --rebuild, or restore with --force --reason TEXT</source>
        <translation>同步服务器持有本工位直到事件 %1 的事件，但 %2 止于事件 %3：恢复它会丢失服务器上已有的数据。请选择更新的备份，用 sync --rebuild 从服务器填充新数据库，或使用 --force --reason TEXT 进行恢复</translation>
    </message>
    <message>
        <source>event %1 of %2 differs from what the sync server anchored for this station: it is not this station&apos;s log, or it was changed</source>
        <translation>%2 的事件 %1 与同步服务器为本工位锚定的内容不一致：它不是本工位的日志，或已被修改</translation>
    </message>
</context>
<context>
    <name>RigCommands</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>not a setting; use %1</source>
        <translation>不是有效设置项；请使用 %1</translation>
    </message>
    <message>
        <source>must be a number of seconds</source>
        <translation>必须为秒数</translation>
    </message>
    <message>
        <source>a reflow profile comes from the oven, not from a test run</source>
        <translation>回流曲线来自回流炉，而非测试运行</translation>
    </message>
    <message>
        <source>%1 is empty; give the command line of %2 or leave the key out</source>
        <translation>%1 为空；请填写 %2 的命令行，或删除该键</translation>
    </message>
    <message>
        <source>%1 is not a JSON object (an oven&apos;s import profile: time_column, temp_columns, time_unit, temp_unit)</source>
        <translation>%1 不是 JSON 对象（回流炉导入配置：time_column、temp_columns、time_unit、temp_unit）</translation>
    </message>
</context>
<context>
    <name>RigEvaluator</name>
    <message>
        <source>Gflop/s</source>
        <translation>Gflop/s</translation>
    </message>
    <message>
        <source>best Gflop/s</source>
        <translation>最佳 Gflop/s</translation>
    </message>
    <message>
        <source>errors found</source>
        <translation>发现错误</translation>
    </message>
    <message>
        <source>work done</source>
        <translation>完成的工作量</translation>
    </message>
    <message>
        <source>hottest temperature</source>
        <translation>最高温度</translation>
    </message>
    <message>
        <source>highest power</source>
        <translation>最高功率</translation>
    </message>
    <message>
        <source>time tested</source>
        <translation>测试时长</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>DCGM level</source>
        <translation>DCGM 级别</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>遍数</translation>
    </message>
    <message>
        <source>peak temperature</source>
        <translation>峰值温度</translation>
    </message>
    <message>
        <source>time above liquidus</source>
        <translation>液相线以上时间</translation>
    </message>
    <message>
        <source>ramp-up rate</source>
        <translation>升温速率</translation>
    </message>
    <message>
        <source>cooling rate</source>
        <translation>冷却速率</translation>
    </message>
    <message>
        <source>time to peak</source>
        <translation>到达峰值时间</translation>
    </message>
    <message>
        <source>soak time</source>
        <translation>恒温时间</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>uncorrected ECC errors</source>
        <translation>不可纠正的 ECC 错误</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>GPU %1: %2</source>
        <translation>GPU %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2, below the plan&apos;s minimum of %3</source>
        <translation>%1 为 %2，低于测试方案的最小值 %3</translation>
    </message>
    <message>
        <source>%1 is %2, above the plan&apos;s maximum of %3</source>
        <translation>%1 为 %2，高于测试方案的最大值 %3</translation>
    </message>
    <message>
        <source>the plan fails on warnings: %1</source>
        <translation>测试方案遇到警告即判为不通过：%1</translation>
    </message>
    <message>
        <source>gpu_burn found no CUDA device to burn; is the driver up (nvidia-smi)?</source>
        <translation>gpu_burn 未找到可老化测试的 CUDA 设备；驱动是否已加载（nvidia-smi）？</translation>
    </message>
    <message>
        <source>gpu_burn never reported progress: no work was done</source>
        <translation>gpu_burn 从未报告进度：未完成任何工作</translation>
    </message>
    <message>
        <source>gpu_burn aborted: no GPU&apos;s worker was left alive</source>
        <translation>gpu_burn 已中止：没有任何 GPU 的工作进程仍在运行</translation>
    </message>
    <message>
        <source>the log ends before gpu_burn&apos;s final &quot;Tested N GPUs&quot; lines: the run did not finish</source>
        <translation>日志在 gpu_burn 最后的 &quot;Tested N GPUs&quot; 行之前就结束了：运行未完成</translation>
    </message>
    <message>
        <source>GPU %1: its worker died (DIED!)</source>
        <translation>GPU %1：其工作进程已终止（DIED!）</translation>
    </message>
    <message>
        <source>gpu_burn reports GPU %1 FAULTY</source>
        <translation>gpu_burn 报告 GPU %1 FAULTY</translation>
    </message>
    <message>
        <source>gpu_burn reported: %1</source>
        <translation>gpu_burn 报告：%1</translation>
    </message>
    <message>
        <source>GPU %1 did no work (0 Gflop/s)</source>
        <translation>GPU %1 未完成任何工作（0 Gflop/s）</translation>
    </message>
    <message>
        <source>GPU %1 is listed but never reported progress</source>
        <translation>GPU %1 已列出，但从未报告进度</translation>
    </message>
    <message>
        <source>the log does not say how long gpu_burn ran; the plan needs %1 min (run it as gpu_burn SECONDS)</source>
        <translation>日志未说明 gpu_burn 运行了多久；测试方案要求 %1 min（以 gpu_burn SECONDS 方式运行）</translation>
    </message>
    <message>
        <source>DCGM reported an error: %1</source>
        <translation>DCGM 报告错误：%1</translation>
    </message>
    <message>
        <source>the output holds no DCGM test result</source>
        <translation>输出中没有 DCGM 测试结果</translation>
    </message>
    <message>
        <source>the output is cut short: neither &quot;Successfully ran diagnostic&quot; nor the table&apos;s last border is there</source>
        <translation>输出被截断：既没有 &quot;Successfully ran diagnostic&quot;，也没有表格的最后一条边框</translation>
    </message>
    <message>
        <source>the tests that ran reach DCGM level %1; the plan needs level %2 (dcgmi diag -r %2) with its tests run</source>
        <translation>已运行的测试达到 DCGM 级别 %1；测试方案要求级别 %2（dcgmi diag -r %2）并运行其中的测试</translation>
    </message>
    <message>
        <source>DCGM test %1 failed on GPU %2</source>
        <translation>DCGM 测试 %1 在 GPU %2 上失败</translation>
    </message>
    <message>
        <source>DCGM test %1 was skipped on GPU %2</source>
        <translation>DCGM 测试 %1 在 GPU %2 上被跳过</translation>
    </message>
    <message>
        <source>DCGM test %1 failed</source>
        <translation>DCGM 测试 %1 失败</translation>
    </message>
    <message>
        <source>DCGM test %1 has a result that cannot be read</source>
        <translation>DCGM 测试 %1 的结果无法读取</translation>
    </message>
    <message>
        <source>DCGM test %1 was skipped</source>
        <translation>DCGM 测试 %1 被跳过</translation>
    </message>
    <message>
        <source>the GPU was lost during the memory test (%1)</source>
        <translation>内存测试期间 GPU 丢失（%1）</translation>
    </message>
    <message>
        <source>%1 reported: %2</source>
        <translation>%1 报告：%2</translation>
    </message>
    <message>
        <source>%1 completed no test: nothing was tested</source>
        <translation>%1 未完成任何测试：没有测试任何内容</translation>
    </message>
    <message>
        <source>the log ends before cuda_memtest&apos;s &quot;Program exits&quot;: the test did not finish (run it with --num_passes N so that it ends by itself)</source>
        <translation>日志在 cuda_memtest 的 &quot;Program exits&quot; 之前就结束了：测试未完成（请加 --num_passes N 运行，使其自行结束）</translation>
    </message>
    <message>
        <source>the log ends before %1&apos;s verdict line: the test did not finish</source>
        <translation>日志在 %1 的结论行之前就结束了：测试未完成</translation>
    </message>
    <message>
        <source>%1 says the test failed</source>
        <translation>%1 表示测试未通过</translation>
    </message>
    <message>
        <source>the report lists no GPU</source>
        <translation>报告中没有列出任何 GPU</translation>
    </message>
    <message>
        <source>the report holds no measurement to judge; query temperature, power and ECC errors</source>
        <translation>报告中没有可判定的测量值；请查询温度、功耗和 ECC 错误</translation>
    </message>
    <message>
        <source>GPU %1&apos;s UUID is masked (%2): the report proves nothing about a card; query it unmasked</source>
        <translation>GPU %1 的 UUID 已被屏蔽（%2）：该报告无法证明任何显卡；请在不屏蔽的情况下查询</translation>
    </message>
</context>
<context>
    <name>RigImport</name>
    <message>
        <source>cannot tell which tool wrote this file; give its kind (%1)</source>
        <translation>无法判断此文件由哪个工具生成；请指定其类型（%1）</translation>
    </message>
</context>
<context>
    <name>RigRunReader</name>
    <message>
        <source>no test rig output goes here</source>
        <translation>此处不接受测试台输出</translation>
    </message>
    <message>
        <source>give one file for %1; a record holds one run of each</source>
        <translation>请为 %1 提供一个文件；一条记录只含每种测试各一次运行</translation>
    </message>
    <message>
        <source>%1 is no test rig output this line reads (gpu_burn, dcgmi diag, memtest_vulkan, cuda_memtest, a thermocouple CSV)</source>
        <translation>%1 不是本产线能读取的测试台输出（gpu_burn、dcgmi diag、memtest_vulkan、cuda_memtest、热电偶 CSV）</translation>
    </message>
    <message>
        <source>%1 is a %2 output, which the %3 step does not take</source>
        <translation>%1 是 %2 的输出，%3 工序不接受此类文件</translation>
    </message>
</context>
<context>
    <name>RigText</name>
    <message>
        <source>the file is larger than %1; is it the right file?</source>
        <translation>文件大于 %1；是否选对了文件？</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>this is a binary file, not a text log</source>
        <translation>这是二进制文件，不是文本日志</translation>
    </message>
    <message>
        <source>line %1 is longer than %2 characters; this is not a log a test tool writes</source>
        <translation>第 %1 行超过 %2 个字符；这不是测试工具生成的日志</translation>
    </message>
</context>
<context>
    <name>ScanIdentity</name>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>%1 is a die or unit id of this system, not the kind asked for here (%2); %3</source>
        <translation>%1 是本系统的芯片或成品编号，不是此处要求的类型（%2）；%3</translation>
    </message>
</context>
<context>
    <name>SerialKind</name>
    <message>
        <source>donor card serial</source>
        <translation>来料卡序列号</translation>
    </message>
    <message>
        <source>die id</source>
        <translation>芯片编号</translation>
    </message>
    <message>
        <source>server board serial</source>
        <translation>服务器主板序列号</translation>
    </message>
    <message>
        <source>unit serial</source>
        <translation>整机序列号</translation>
    </message>
    <message>
        <source>batch id</source>
        <translation>批次号</translation>
    </message>
    <message>
        <source>shipment lot</source>
        <translation>来料批号</translation>
    </message>
    <message>
        <source>die marking</source>
        <translation>芯片丝印</translation>
    </message>
    <message>
        <source>date code</source>
        <translation>日期码</translation>
    </message>
    <message>
        <source>GPU UUID</source>
        <translation>GPU UUID</translation>
    </message>
    <message>
        <source>operator id</source>
        <translation>操作员编号</translation>
    </message>
    <message>
        <source>station id</source>
        <translation>工位编号</translation>
    </message>
</context>
<context>
    <name>SerialRules</name>
    <message>
        <source>the serial format &quot;%1&quot; is not a valid pattern: %2</source>
        <translation>序列号格式“%1”不是有效的模式：%2</translation>
    </message>
    <message>
        <source>%1 is empty; scan it again</source>
        <translation>%1 为空；请重新扫描</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2; scan the right label</source>
        <translation>“%1”不是有效的%2；请扫描正确的标签</translation>
    </message>
    <message>
        <source>this is not a valid %1 (too long or contains control characters); scan the right label</source>
        <translation>这不是有效的 %1（过长或含控制字符）；请扫描正确的标签</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>this PC lacks the PostgreSQL driver for Qt (package libqt6sql6-psql); ask an admin</source>
        <translation>本电脑缺少 Qt 的 PostgreSQL 驱动（软件包 libqt6sql6-psql）；请联系管理员</translation>
    </message>
    <message>
        <source>connect to %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>the sync server refused the user name or password; set the right password in sync.conf or REWORKTRACK_SYNC_PASSWORD (ask an admin)</source>
        <translation>同步服务器拒绝了用户名或密码；请在 sync.conf 或 REWORKTRACK_SYNC_PASSWORD 中设置正确的密码（请联系管理员）</translation>
    </message>
    <message>
        <source>the sync server asks for a password and none was given; put it in sync.conf or REWORKTRACK_SYNC_PASSWORD, or use --password-stdin</source>
        <translation>同步服务器要求密码，但未提供；请把密码写入 sync.conf 或 REWORKTRACK_SYNC_PASSWORD，或使用 --password-stdin</translation>
    </message>
    <message>
        <source>the sync server does not accept this PC for this user and database; ask the server&apos;s admin to add this PC to pg_hba.conf, or, if it takes encrypted connections only, set sslmode=verify-full and ca_file in the sync settings</source>
        <translation>同步服务器不允许本电脑以此用户访问此数据库；请服务器管理员把本电脑加入 pg_hba.conf；如果服务器只接受加密连接，请在同步设置中设置 sslmode=verify-full 和 ca_file</translation>
    </message>
    <message>
        <source>the sync server has no such user; check the user name in the sync settings or ask the server&apos;s admin to create it</source>
        <translation>同步服务器上没有此用户；请检查同步设置中的用户名，或请服务器管理员创建该用户</translation>
    </message>
    <message>
        <source>the sync server has no such database; check the database name in the sync settings or ask the server&apos;s admin to create it</source>
        <translation>同步服务器上没有此数据库；请检查同步设置中的数据库名，或请服务器管理员创建该数据库</translation>
    </message>
    <message>
        <source>the sync server offers no encrypted connection but the sync settings require one; ask the server&apos;s admin to turn on ssl (keep sslmode)</source>
        <translation>同步服务器不提供加密连接，但同步设置要求加密；请服务器管理员开启 ssl（保留 sslmode 设置）</translation>
    </message>
    <message>
        <source>sslmode=verify-full and verify-ca need the CA&apos;s certificate; set ca_file in the sync settings to the CA that signed the server&apos;s certificate</source>
        <translation>sslmode=verify-full 和 verify-ca 需要 CA 的证书；请在同步设置中把 ca_file 设为签发服务器证书的 CA</translation>
    </message>
    <message>
        <source>the sync server&apos;s certificate is made out to another name than the server address in the sync settings; give the server by the name on its certificate</source>
        <translation>同步服务器证书上的名称与同步设置中的服务器地址不符；请用证书上的名称指定服务器</translation>
    </message>
    <message>
        <source>the sync server&apos;s certificate is not signed by the CA in ca_file (or has expired); check that ca_file is the CA of this server and that the address is the right server</source>
        <translation>同步服务器的证书不是由 ca_file 中的 CA 签发的（或已过期）；请检查 ca_file 是否为此服务器的 CA，以及地址是否指向正确的服务器</translation>
    </message>
    <message>
        <source>something other than PostgreSQL answers at the sync server&apos;s address; check the host and port in the sync settings</source>
        <translation>在同步服务器地址上应答的不是 PostgreSQL；请检查同步设置中的主机和端口</translation>
    </message>
    <message>
        <source>the sync server has too many connections open; the sync tries again later, or ask the server&apos;s admin to raise max_connections</source>
        <translation>同步服务器打开的连接过多；同步稍后会自动重试，也可请服务器管理员调高 max_connections</translation>
    </message>
    <message>
        <source>the sync server was busy with another station&apos;s sync; the sync tries again later</source>
        <translation>同步服务器正忙于其他工位的同步；同步稍后会自动重试</translation>
    </message>
    <message>
        <source>the sync server&apos;s name cannot be found; check the host in the sync settings and this PC&apos;s network; work goes on here and is sent at the next sync</source>
        <translation>找不到同步服务器的名称；请检查同步设置中的主机和本电脑的网络；本机可继续工作，数据将在下次同步时发送</translation>
    </message>
    <message>
        <source>the sync server did not answer in time; check the network and that the server runs; work goes on here and is sent at the next sync</source>
        <translation>同步服务器未及时应答；请检查网络以及服务器是否在运行；本机可继续工作，数据将在下次同步时发送</translation>
    </message>
    <message>
        <source>the sync server cannot be reached: PostgreSQL does not run or does not listen at that address and port; work goes on here and is sent at the next sync</source>
        <translation>无法连接同步服务器：PostgreSQL 未运行，或未在该地址和端口上监听；本机可继续工作，数据将在下次同步时发送</translation>
    </message>
    <message>
        <source>the connection to the sync server was lost; work goes on here and the sync tries again later</source>
        <translation>与同步服务器的连接已断开；本机可继续工作，同步稍后会自动重试</translation>
    </message>
    <message>
        <source>the sync server cannot be reached; check the network; work goes on here and is sent at the next sync</source>
        <translation>无法连接同步服务器；请检查网络；本机可继续工作，数据将在下次同步时发送</translation>
    </message>
    <message>
        <source>the encrypted connection to the sync server failed; ask an admin to check sslmode and ca_file in the sync settings (the log has the details)</source>
        <translation>与同步服务器的加密连接失败；请管理员检查同步设置中的 sslmode 和 ca_file（详情见日志）</translation>
    </message>
    <message>
        <source>the sync server refused the request; ask an admin to look at the log (reworktrack.log), which has the server&apos;s own words</source>
        <translation>同步服务器拒绝了请求；请管理员查看日志（reworktrack.log），其中有服务器返回的原文</translation>
    </message>
</context>
<context>
    <name>ServerSchema</name>
    <message>
        <source>the sync server is not set up for ReworkTrack yet; an admin runs reworkctl server-init once</source>
        <translation>同步服务器尚未为 ReworkTrack 初始化；请管理员运行一次 reworkctl server-init</translation>
    </message>
    <message>
        <source>the sync server runs a newer ReworkTrack schema (%1) than this PC understands (%2); update ReworkTrack on this PC, then sync</source>
        <translation>同步服务器的 ReworkTrack 表结构（%1）比本电脑能识别的（%2）更新；请先更新本电脑上的 ReworkTrack，再同步</translation>
    </message>
    <message>
        <source>the sync server&apos;s schema (%1) is older than this PC needs (%2); an admin runs reworkctl server-init to upgrade it</source>
        <translation>同步服务器的表结构（%1）比本电脑需要的（%2）旧；请管理员运行 reworkctl server-init 进行升级</translation>
    </message>
    <message>
        <source>the sync server runs a newer ReworkTrack schema (%1) than this program knows (%2); server-init does not take a server back: update ReworkTrack on this PC first</source>
        <translation>同步服务器的 ReworkTrack 表结构（%1）比本程序所知的（%2）更新；server-init 不能让服务器降级：请先更新本电脑上的 ReworkTrack</translation>
    </message>
    <message>
        <source>missing server migration %1</source>
        <translation>缺少服务器迁移 %1</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>No station is set up on this database; ask an admin to add one with reworkctl.</source>
        <translation>此数据库中尚未设置工位；请管理员用 reworkctl 添加。</translation>
    </message>
</context>
<context>
    <name>SetAside</name>
    <message>
        <source>card %1 was already taken in here (lot %2); the other station took it in with lot %3</source>
        <translation>本地记录中卡 %1 已入库（批号 %2）；另一工位入库时用的批号是 %3</translation>
    </message>
    <message>
        <source>card %1 was already stripped here (die %2)</source>
        <translation>本地记录中卡 %1 已拆解（芯片 %2）</translation>
    </message>
    <message>
        <source>die %1 is already mounted here as unit %2</source>
        <translation>本地记录中芯片 %1 已贴装为整机 %2</translation>
    </message>
    <message>
        <source>board %1 is already part of unit %2 here</source>
        <translation>本地记录中主板 %1 已属于整机 %2</translation>
    </message>
    <message>
        <source>it builds on record %1 (%2), which is set aside here until a supervisor resolves the conflict</source>
        <translation>它依赖于记录 %1（%2），该记录在本工位被搁置，直到主管解决冲突</translation>
    </message>
    <message>
        <source>it contradicts what this station holds for %1; a supervisor resolves it on the dashboard</source>
        <translation>它与本工位关于 %1 的记录相矛盾；由主管在看板上解决</translation>
    </message>
    <message>
        <source>voided by record %1 when a supervisor resolved the conflict; kept for the record</source>
        <translation>主管解决冲突时已被记录 %1 作废；保留备查</translation>
    </message>
</context>
<context>
    <name>Shift</name>
    <message>
        <source>%1 night</source>
        <translation>%1 夜班</translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation>%1 白班</translation>
    </message>
</context>
<context>
    <name>SmiQueryCsvImporter</name>
    <message>
        <source>this is not nvidia-smi --query-gpu CSV output: it needs a header of query fields and a row per GPU (--format=csv)</source>
        <translation>这不是 nvidia-smi --query-gpu 的 CSV 输出：需要一行查询字段表头，且每个 GPU 一行（--format=csv）</translation>
    </message>
    <message>
        <source>line %1 has %2 values for %3 fields; the file is cut or edited</source>
        <translation>第 %1 行有 %2 个值，但有 %3 个字段；文件被截断或被编辑过</translation>
    </message>
</context>
<context>
    <name>SpcQuery</name>
    <message>
        <source>no measurement called &quot;%1&quot;; the known ones are %2</source>
        <translation>没有名为 &quot;%1&quot; 的测量值；已知的有 %2</translation>
    </message>
    <message>
        <source>the values are of more than one alloy (%1), each with its own limits; filter by model or station to chart one</source>
        <translation>这些值属于多种合金（%1），各有自己的限值；请按型号或工位筛选后再绘制单个控制图</translation>
    </message>
    <message>
        <source>one value beyond 3 sigma</source>
        <translation>一个值超出 3σ</translation>
    </message>
    <message>
        <source>2 of 3 values beyond 2 sigma on one side</source>
        <translation>连续 3 个值中有 2 个在同一侧超出 2σ</translation>
    </message>
    <message>
        <source>4 of 5 values beyond 1 sigma on one side</source>
        <translation>连续 5 个值中有 4 个在同一侧超出 1σ</translation>
    </message>
    <message>
        <source>%1 values in a row on one side of the centre</source>
        <translation>连续 %1 个值位于中心线同一侧</translation>
    </message>
    <message>
        <source>no station %1 on this line</source>
        <translation>本产线没有工位 %1</translation>
    </message>
    <message>
        <source>no product model %1 on this line</source>
        <translation>本产线没有产品型号 %1</translation>
    </message>
</context>
<context>
    <name>StationRegistry</name>
    <message>
        <source>&quot;%1&quot; is not a station step; use one of %2</source>
        <translation>“%1”不是工位工序；请使用 %2 之一</translation>
    </message>
    <message>
        <source>station %1 already exists</source>
        <translation>工位 %1 已存在</translation>
    </message>
</context>
<context>
    <name>StationTokens</name>
    <message>
        <source>station %1 is not registered; add it first</source>
        <translation>工位 %1 未注册；请先添加</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not recorded at %2, which is a station for %3</source>
        <translation>工位 %2 是 %3 工位，不能在此记录“%1”</translation>
    </message>
    <message>
        <source>give the steps the token may record, e.g. --steps test</source>
        <translation>请给出该令牌可记录的工序，例如 --steps test</translation>
    </message>
    <message>
        <source>there is no valid token %1; see reworkctl token list</source>
        <translation>没有有效的令牌 %1；请查看 reworkctl token list</translation>
    </message>
    <message>
        <source>no valid token of station %1 has this secret; check it, or ask an admin for a new one</source>
        <translation>工位 %1 没有与此密钥匹配的有效令牌；请检查密钥，或请管理员创建新令牌</translation>
    </message>
    <message>
        <source>%1 may record only %2 at %3</source>
        <translation>%1 在工位 %3 只能记录 %2</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>Intake</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Strip</source>
        <translation>拆解</translation>
    </message>
    <message>
        <source>Reball</source>
        <translation>植球</translation>
    </message>
    <message>
        <source>Mount</source>
        <translation>贴装</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>装箱</translation>
    </message>
    <message>
        <source>Close batch</source>
        <translation>关闭批次</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>出货</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Bake</source>
        <translation>烘烤</translation>
    </message>
</context>
<context>
    <name>StepSchema</name>
    <message>
        <source>too long (at most %1 characters)</source>
        <translation>过长（最多 %1 个字符）</translation>
    </message>
    <message>
        <source>contains control characters; type it again</source>
        <translation>含有控制字符；请重新输入</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3; check the reading</source>
        <translation>%1 超出 %2..%3；请检查读数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation>“%1”不在可选值中：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not yes or no</source>
        <translation>“%1”不是 yes 或 no</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time like 2026-11-29T08:15:00Z</source>
        <translation>“%1”不是时间，格式如 2026-11-29T08:15:00Z</translation>
    </message>
    <message>
        <source>expected key=value, got &quot;%1&quot;</source>
        <translation>应为 键=值，实际为“%1”</translation>
    </message>
    <message>
        <source>given more than once</source>
        <translation>重复给出</translation>
    </message>
    <message>
        <source>not a field of %1; known fields: %2</source>
        <translation>不是 %1 的字段；已知字段：%2</translation>
    </message>
    <message>
        <source>required; scan or type the %1</source>
        <translation>必填；请扫描或输入 %1</translation>
    </message>
    <message>
        <source>attach files through the form or with evidence=FILE on reworkctl; this is not a stored file</source>
        <translation>请通过表单或 reworkctl 的 evidence=文件 附加；这不是已保存的文件</translation>
    </message>
    <message>
        <source>pick at least one of: %1, or leave it empty</source>
        <translation>请至少选择一项：%1，或留空</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contradicts %2; pick one or the other</source>
        <translation>“%1”与 %2 矛盾；请二选一</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>the database is busy in another program; try again</source>
        <translation>数据库正被其他程序使用；请重试</translation>
    </message>
    <message>
        <source>the database is read-only; ask an admin to fix its permissions</source>
        <translation>数据库为只读；请管理员修正权限</translation>
    </message>
    <message>
        <source>the disk is full; free space and try again</source>
        <translation>磁盘已满；请释放空间后重试</translation>
    </message>
    <message>
        <source>the database file is damaged; call an admin to restore a backup</source>
        <translation>数据库文件已损坏；请联系管理员恢复备份</translation>
    </message>
    <message>
        <source>nothing was saved; try again or call an admin</source>
        <translation>未保存任何内容；请重试或联系管理员</translation>
    </message>
    <message>
        <source>could not %1 (%2): %3</source>
        <translation>无法%1（%2）：%3</translation>
    </message>
    <message>
        <source>prepare a query</source>
        <translation>准备查询</translation>
    </message>
    <message>
        <source>run a query</source>
        <translation>执行查询</translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>接收中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>the server holds another event under this station&apos;s number %1; this database&apos;s history differs from what it sent before. Nothing was sent; ask an admin (reworkctl verify)</source>
        <translation>服务器在本工位的序号 %1 下保存着另一个事件；本数据库的历史与之前发送的不一致。未发送任何数据；请联系管理员（reworkctl verify）</translation>
    </message>
    <message>
        <source>the server anchored another hash for this station&apos;s event %1; this database&apos;s chain differs from what it sent before. Nothing was sent; ask an admin (reworkctl verify)</source>
        <translation>服务器为本工位的事件 %1 锚定了另一个哈希值；本数据库的哈希链与之前发送的不一致。未发送任何数据；请联系管理员（reworkctl verify）</translation>
    </message>
    <message>
        <source>--rebuild fills a new station database, and this one already holds %1 events; give --db a path where no database is yet</source>
        <translation>--rebuild 用于填充新的工位数据库，而此数据库已有 %1 个事件；请用 --db 指定一个还没有数据库的路径</translation>
    </message>
    <message>
        <source>the server anchored event %1, but this log ends at event %2: its last events were cut off</source>
        <translation>服务器锚定了事件 %1，但本日志止于事件 %2：最后的事件被截掉了</translation>
    </message>
    <message>
        <source>event %1 and what came before it differ from what the server anchored at a sync: the log was changed after it was sent</source>
        <translation>事件 %1 及其之前的内容与服务器在同步时锚定的不一致：日志在发送后被修改过</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>not a PostgreSQL address</source>
        <translation>不是 PostgreSQL 地址</translation>
    </message>
    <message>
        <source>host, database and user are all needed</source>
        <translation>主机、数据库和用户都必须给出</translation>
    </message>
    <message>
        <source>sslmode must be one of %1</source>
        <translation>sslmode 必须是以下之一：%1</translation>
    </message>
    <message>
        <source>connect_timeout must be 1 to 300 seconds</source>
        <translation>connect_timeout 必须在 1 到 300 秒之间</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>no sync server is set up on this station; run reworkctl sync configure --server URL</source>
        <translation>本工位未设置同步服务器；请运行 reworkctl sync configure --server 地址</translation>
    </message>
    <message>
        <source>%1 holds the server password but others may read it; run chmod 600 on it</source>
        <translation>%1 保存着服务器密码，但其他人可以读取；请对它执行 chmod 600</translation>
    </message>
    <message>
        <source>cannot write %1; check the data folder&apos;s permissions</source>
        <translation>无法写入 %1；请检查数据文件夹的权限</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>%1; give the server as postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>%1；请按 postgresql://USER@HOST:PORT/DATABASE 的格式给出服务器</translation>
    </message>
    <message>
        <source>a password on the command line can be read by every user of this PC; put the password in sync.conf or REWORKTRACK_SYNC_PASSWORD, or use --password-stdin</source>
        <translation>命令行中的密码可被本电脑的所有用户看到；请把密码写入 sync.conf 或 REWORKTRACK_SYNC_PASSWORD，或使用 --password-stdin</translation>
    </message>
    <message>
        <source>the CA file %1 cannot be read; copy the certificate of the CA that signed the server&apos;s certificate there, or correct ca_file</source>
        <translation>无法读取 CA 文件 %1；请把签发服务器证书的 CA 的证书复制到该位置，或更正 ca_file</translation>
    </message>
    <message>
        <source>the path of the CA file may not hold a &apos;;&apos;; move the file</source>
        <translation>CA 文件的路径中不能含有“;”；请移动该文件</translation>
    </message>
</context>
<context>
    <name>TestGate</name>
    <message>
        <source>only a supervisor can override the GPU&apos;s report; call your supervisor or clear the reason</source>
        <translation>只有主管可以推翻 GPU 报告；请联系主管或清空原因</translation>
    </message>
    <message>
        <source>another GPU</source>
        <translation>另一块 GPU</translation>
    </message>
    <message>
        <source>%1 was typed as %2 but the report says %3; the report&apos;s value counts: clear the field, or a supervisor overrides it with a reason</source>
        <translation>%1 输入为 %2，但报告显示为 %3；以报告为准：请清空该字段，或由主管填写原因推翻</translation>
    </message>
    <message>
        <source>the report shows no GPU UUID (masked or N/A), so it proves nothing about this unit; take a full report (nvidia-smi -q -x), or a supervisor passes it with a reason</source>
        <translation>报告中没有 GPU UUID（被屏蔽或为 N/A），无法证明这台整机；请采集完整报告（nvidia-smi -q -x），或由主管填写原因判定通过</translation>
    </message>
    <message>
        <source>a pass needs the GPU&apos;s own report: import the nvidia-smi report, or a supervisor passes it with a reason</source>
        <translation>判定合格需要 GPU 自身的报告：请导入 nvidia-smi 报告，或由主管填写原因判定通过</translation>
    </message>
    <message>
        <source>the report was taken at idle (%1), where the PCIe link drops to Gen %2 x%3 by design; take the report under load, e.g. during burn-in</source>
        <translation>报告是在空闲状态（%1）下采集的，此时 PCIe 链路按设计降到 Gen %2 x%3；请在负载下采集报告，例如老化测试期间</translation>
    </message>
    <message>
        <source>low utilisation</source>
        <translation>低利用率</translation>
    </message>
    <message>
        <source>the report is of %1 (PCI device %2), but this unit&apos;s model is %3 (PCI device %4); take the report of the right card</source>
        <translation>报告对应的是 %1（PCI 设备 %2），但此成品的型号是 %3（PCI 设备 %4）；请使用正确显卡的报告</translation>
    </message>
    <message>
        <source>the report&apos;s GPU has %1 MiB of memory, model %2 has %3 to %4 MiB; take the report of the right card</source>
        <translation>报告中的 GPU 显存为 %1 MiB，型号 %2 应为 %3 至 %4 MiB；请使用正确显卡的报告</translation>
    </message>
    <message>
        <source>the %1 run fails the test plan: %2; record result=fail, or run the test again</source>
        <translation>%1 运行未通过测试方案：%2；请记录 result=fail，或重新测试</translation>
    </message>
    <message>
        <source>the %1 log is of GPU %2, but this unit&apos;s GPU is %3; take the log of this unit&apos;s own run</source>
        <translation>%1 日志属于 GPU %2，而本成品的 GPU 是 %3；请使用本成品自己的测试日志</translation>
    </message>
    <message>
        <source>the %1 log is of %2, but this unit is %3; take the log of this unit&apos;s own run</source>
        <translation>%1 日志属于 %2，而本成品是 %3；请使用本成品自己的测试日志</translation>
    </message>
    <message>
        <source>model %1 is tested to plan %2, which has not reached this station; sync, then record again</source>
        <translation>型号 %1 按计划 %2 测试，但该计划尚未同步到本工位；请先同步，再重新记录</translation>
    </message>
    <message>
        <source>the %1 log was judged by test plan %2, but model %3 is tested to plan %4; import it again at a station that has synced</source>
        <translation>%1 日志由测试计划 %2 判定，但型号 %3 按计划 %4 测试；请在已同步的工位重新导入</translation>
    </message>
    <message>
        <source>model %1 is tested to plan %2; a pass needs its runs, and %3 is missing: run the test plan, or import the rig logs</source>
        <translation>型号 %1 按计划 %2 测试；通过需要其全部运行，缺少 %3：请运行测试计划，或导入测试台日志</translation>
    </message>
    <message>
        <source>unit %1 passed its test without %2, which plan %3 of model %4 requires; it cannot be packed: a supervisor voids that test, then test it again</source>
        <translation>单元 %1 的测试通过时缺少型号 %4 的计划 %3 所要求的 %2，不能包装：请主管作废该测试，然后重新测试</translation>
    </message>
</context>
<context>
    <name>TestPlan</name>
    <message>
        <source>test plan, %1: %2</source>
        <translation>测试方案，%1：%2</translation>
    </message>
    <message>
        <source>must be a number or null</source>
        <translation>必须是数字或 null</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>is not a key of a test plan</source>
        <translation>不是测试方案的键</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of run (%2)</source>
        <translation>&quot;%1&quot; 不是一种运行类型（%2）</translation>
    </message>
    <message>
        <source>must be 0 to 4</source>
        <translation>必须为 0 到 4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an alloy the core knows; give liquidus_c and the window instead</source>
        <translation>&quot;%1&quot; 不是系统已知的合金；请改为提供 liquidus_c 和窗口参数</translation>
    </message>
    <message>
        <source>must be an object of model names</source>
        <translation>必须是以型号名称为键的对象</translation>
    </message>
    <message>
        <source>the test plan is not a JSON object (%1 at byte %2)</source>
        <translation>测试方案不是 JSON 对象（%1，位于字节 %2）</translation>
    </message>
    <message>
        <source>give a test plan: %1 or a JSON file</source>
        <translation>请指定测试计划: %1 或 JSON 文件</translation>
    </message>
</context>
<context>
    <name>TestPlanStore</name>
    <message>
        <source>a shared plan names itself: &quot;name&quot; of 1-40 lower-case letters, digits, dots and dashes (e.g. rtx4090-burnin); &quot;%1&quot; is not</source>
        <translation>共享计划须自带名称：&quot;name&quot; 为 1-40 个小写字母、数字、点和短横线（例如 rtx4090-burnin）；&quot;%1&quot; 不符合</translation>
    </message>
    <message>
        <source>%1 is a built-in plan; give the shared plan a name of its own</source>
        <translation>%1 是内置计划；请为共享计划另起名称</translation>
    </message>
    <message>
        <source>model %1&apos;s part says which runs are required; that is the whole plan&apos;s: share a plan of its own for that model</source>
        <translation>型号 %1 的部分指定了必需的运行；这属于整个计划：请为该型号共享一个单独的计划</translation>
    </message>
    <message>
        <source>no product %1; known: %2</source>
        <translation>没有产品 %1；已知: %2</translation>
    </message>
    <message>
        <source>no test plan %1; share it first (plan publish FILE), or use one of: %2</source>
        <translation>没有测试计划 %1；请先共享（plan publish FILE），或使用以下之一: %2</translation>
    </message>
    <message>
        <source>model %1 is tested to plan %2, which has not reached this station; sync, then test</source>
        <translation>型号 %1 按计划 %2 测试，但该计划尚未同步到本工位；请先同步，再测试</translation>
    </message>
    <message>
        <source>model %1 is tested to plan %2, not %3; leave out the plan, it is the product&apos;s</source>
        <translation>型号 %1 按计划 %2 测试，而不是 %3；请勿指定计划，使用产品自己的计划</translation>
    </message>
    <message>
        <source>plan %1 requires no run (&quot;required&quot; is empty or missing); a shared plan names the runs a pass needs, e.g. &quot;required&quot;: [&quot;gpu-burn&quot;]</source>
        <translation>计划 %1 不要求任何运行（&quot;required&quot; 为空或缺失）；共享计划须列出通过所需的运行，例如 &quot;required&quot;: [&quot;gpu-burn&quot;]</translation>
    </message>
    <message>
        <source>plan %1 requires no run: it would test nothing but the GPU&apos;s report, as a product without a plan is tested; choose a plan that names its runs</source>
        <translation>计划 %1 不要求任何运行：它只会检查 GPU 报告，与没有计划的产品相同；请选择列出其运行的计划</translation>
    </message>
    <message>
        <source>model %1 has no test plan of its own; plan list shows which do</source>
        <translation>型号 %1 没有自己的测试计划；plan list 可查看哪些型号有</translation>
    </message>
    <message>
        <source>no die %1 on this line; scan the die&apos;s traveler label</source>
        <translation>本产线没有芯片 %1；请扫描芯片的流转标签</translation>
    </message>
    <message>
        <source>alloy %1 is none the core knows a reflow window for (SAC305, SAC405, SAC387, SN100C, Sn63Pb37, Sn62Pb36Ag2, Sn42Bi58)</source>
        <translation>系统不知道合金 %1 的回流焊窗口（已知：SAC305、SAC405、SAC387、SN100C、Sn63Pb37、Sn62Pb36Ag2、Sn42Bi58）</translation>
    </message>
</context>
<context>
    <name>ThroughputCharts</name>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>Trace</name>
    <message>
        <source>Trace of %1 (%2)</source>
        <translation>%1 的追溯（%2）</translation>
    </message>
    <message>
        <source>card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>die</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>board</source>
        <translation>主板</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>整机</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>时间线：</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>TraceQuery</name>
    <message>
        <source>give a card, die, board, unit or batch serial</source>
        <translation>请输入卡、芯片、主板、整机或批次序列号</translation>
    </message>
    <message>
        <source>%1 is not a known card, die, board, unit, batch or GPU</source>
        <translation>%1 不是已知的卡、芯片、主板、整机、批次或 GPU</translation>
    </message>
    <message>
        <source>the scan holds control characters; scan the label again</source>
        <translation>扫描内容含有控制字符；请重新扫描标签</translation>
    </message>
</context>
<context>
    <name>VoidPreview</name>
    <message>
        <source>This record is itself a void; a void cannot be voided.</source>
        <translation>此记录本身就是作废记录；作废记录不能再被作废。</translation>
    </message>
    <message>
        <source>This is a change of reference data; it is not voided: make the change again with the value it should have.</source>
        <translation>这是基础数据的变更，不能作废：请用正确的值重新变更一次。</translation>
    </message>
    <message>
        <source>This record is already void.</source>
        <translation>此记录已作废。</translation>
    </message>
    <message>
        <source>A later record builds on this one (step: %1, record %2); void that one first.</source>
        <translation>有后续记录基于此记录（步骤：%1，记录 %2）；请先作废那条记录。</translation>
    </message>
    <message>
        <source>Record to void (step: %1) of %2, made %3 at %4 by %5. It stays in the history, marked VOID.</source>
        <translation>要作废的记录（步骤：%1），属于 %2，于 %3 在 %4 由 %5 创建。它会保留在历史中，标记为 VOID。</translation>
    </message>
    <message>
        <source>These items go back to where they were before it: %1</source>
        <translation>以下物品将回到此记录之前的位置：%1</translation>
    </message>
    <message>
        <source>Unit %1 leaves batch %2: the carton holds one unit fewer.</source>
        <translation>成品 %1 移出批次 %2：箱内成品少一个。</translation>
    </message>
    <message>
        <source>Batch %1 opens again and takes units.</source>
        <translation>批次 %1 重新打开，可继续装入成品。</translation>
    </message>
    <message>
        <source>Batch %1 is already closed (state: %2): its carton was sealed with this record in it.</source>
        <translation>批次 %1 已关闭（状态：%2）：其箱已连同此记录一起封箱。</translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; of %2 printed %3 to %4: it no longer matches; take it off and print it again.</source>
        <translation>%2 的标签 &quot;%1&quot;（于 %3 打印到 %4）已不再相符；请撕下并重新打印。</translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; of %2, asked for %3, is still waiting for %4: it no longer matches; cancel it (label cancel) and print it again.</source>
        <translation>%2 的标签“%1”（%3 提交）仍在等待 %4：它已不再相符；请取消它（label cancel）并重新打印。</translation>
    </message>
</context>
<context>
    <name>VoidPreviewQuery</name>
    <message>
        <source>no record with id %1</source>
        <translation>没有 ID 为 %1 的记录</translation>
    </message>
</context>
<context>
    <name>WorkflowRules</name>
    <message>
        <source>unit %1 is mounted; it needs inspect next</source>
        <translation>整机 %1 已贴装；下一步是检测</translation>
    </message>
    <message>
        <source>unit %1 passed inspection; it needs test next</source>
        <translation>整机 %1 检测合格；下一步是测试</translation>
    </message>
    <message>
        <source>unit %1 passed test; it needs pack next</source>
        <translation>整机 %1 测试合格；下一步是装箱</translation>
    </message>
    <message>
        <source>unit %1 failed and is in repair; its die %2 needs reball next</source>
        <translation>整机 %1 不合格，正在返修；其芯片 %2 下一步需植球</translation>
    </message>
    <message>
        <source>unit %1 is packed in batch %2</source>
        <translation>整机 %1 已装入批次 %2</translation>
    </message>
    <message>
        <source>unit %1 was shipped</source>
        <translation>整机 %1 已出货</translation>
    </message>
    <message>
        <source>unit %1 was scrapped</source>
        <translation>整机 %1 已报废</translation>
    </message>
    <message>
        <source>unit %1 is %2</source>
        <translation>整机 %1 状态为 %2</translation>
    </message>
    <message>
        <source>unknown step</source>
        <translation>未知工序</translation>
    </message>
    <message>
        <source>operator %1 is not registered; log in with your own badge</source>
        <translation>操作员 %1 未注册；请用您自己的工牌登录</translation>
    </message>
    <message>
        <source>operator %1 is disabled; ask a supervisor</source>
        <translation>操作员 %1 已停用；请联系主管</translation>
    </message>
    <message>
        <source>station %1 is not registered; ask an admin to add it</source>
        <translation>工位 %1 未注册；请管理员添加</translation>
    </message>
    <message>
        <source>%1 was scrapped; it cannot be worked. Put it in the scrap bin</source>
        <translation>%1 已报废，不能再加工。请放入报废箱</translation>
    </message>
    <message>
        <source>%1 was already shipped; it cannot be worked</source>
        <translation>%1 已出货，不能再加工</translation>
    </message>
    <message>
        <source>%1 is outside the limit %2..%3; fix the process and measure again, or ask a supervisor</source>
        <translation>%1 超出限值 %2..%3；请调整工艺后重新测量，或联系主管</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known defect code; pick one from the list</source>
        <translation>“%1”不是已知的缺陷代码；请从列表中选择</translation>
    </message>
    <message>
        <source>unit %1 is not known here; check the label or mount it first</source>
        <translation>未找到整机 %1；请检查标签或先完成贴装</translation>
    </message>
    <message>
        <source>%1 cannot be recorded now: %2</source>
        <translation>现在不能记录%1：%2</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;; known models: %2</source>
        <translation>未知型号“%1”；已知型号：%2</translation>
    </message>
    <message>
        <source>donor card %1 was already received (%2); do not receive it twice</source>
        <translation>来料卡 %1 已于 %2 入库；不能重复入库</translation>
    </message>
    <message>
        <source>GPU %1 is already recorded on %2; this is a die mix-up, call a supervisor</source>
        <translation>GPU %1 已记录在 %2 上；芯片混料，请联系主管</translation>
    </message>
    <message>
        <source>donor card %1 was never received; record its intake first</source>
        <translation>来料卡 %1 未入库；请先做入库登记</translation>
    </message>
    <message>
        <source>donor card %1 was already stripped (die %2); scan the next card</source>
        <translation>来料卡 %1 已拆解（芯片 %2）；请扫描下一张卡</translation>
    </message>
    <message>
        <source>required for model %1; read it off the die</source>
        <translation>型号 %1 必须填写；请读取芯片上的丝印</translation>
    </message>
    <message>
        <source>die %1 is not known here; check the traveler label</source>
        <translation>未找到芯片 %1；请检查流转标签</translation>
    </message>
    <message>
        <source>die %1 is already reballed; it needs mount next</source>
        <translation>芯片 %1 已植球；下一步是贴装</translation>
    </message>
    <message>
        <source>die %1 is mounted on unit %2; only a failed unit goes back to reball</source>
        <translation>芯片 %1 已贴装在整机 %2 上；只有不良整机才返回植球</translation>
    </message>
    <message>
        <source>die %1 is already mounted on unit %2; a die is mounted once</source>
        <translation>芯片 %1 已贴装在整机 %2 上；一颗芯片只能贴装一次</translation>
    </message>
    <message>
        <source>die %1 is not reballed yet; record reball first</source>
        <translation>芯片 %1 尚未植球；请先记录植球</translation>
    </message>
    <message>
        <source>die %1 belongs to unit %2 on board %3; mount it back on that board</source>
        <translation>芯片 %1 属于主板 %3 上的整机 %2；请贴回该主板</translation>
    </message>
    <message>
        <source>board %1 is already used in unit %2; take a new board</source>
        <translation>主板 %1 已用于整机 %2；请换一块新主板</translation>
    </message>
    <message>
        <source>board %1 was scrapped; take a new board</source>
        <translation>主板 %1 已报废；请换一块新主板</translation>
    </message>
    <message>
        <source>die %1 has had %2 reflows, the limit is %3; scrap it</source>
        <translation>芯片 %1 已回流 %2 次，上限为 %3 次；请报废</translation>
    </message>
    <message>
        <source>board %1 has had %2 reflows, the limit is %3; scrap the unit</source>
        <translation>主板 %1 已回流 %2 次，上限为 %3 次；请报废该整机</translation>
    </message>
    <message>
        <source>result is pass but the measurements show %1; record fail or measure again</source>
        <translation>结果为合格，但测量显示 %1；请记录为不合格或重新测量</translation>
    </message>
    <message>
        <source>a passed inspection has no defect; remove the defect or record fail</source>
        <translation>合格的检测不应有缺陷；请删除缺陷或记录为不合格</translation>
    </message>
    <message>
        <source>a failed inspection needs a defect code; scan or pick one</source>
        <translation>不合格的检测需要缺陷代码；请扫描或选择</translation>
    </message>
    <message>
        <source>GPU %1 is already recorded on %2; this is a die swap or mix-up, call a supervisor</source>
        <translation>GPU %1 已记录在 %2 上；芯片被调换或混料，请联系主管</translation>
    </message>
    <message>
        <source>GPU %1 differs from %2 read at intake of card %3; the die was swapped, call a supervisor</source>
        <translation>GPU %1 与卡 %3 入库时读取的 %2 不一致；芯片被调换，请联系主管</translation>
    </message>
    <message>
        <source>result is pass but the readings show %1; record fail or test again</source>
        <translation>结果为合格，但读数显示 %1；请记录为不合格或重新测试</translation>
    </message>
    <message>
        <source>a passed test has no defect; remove the defect or record fail</source>
        <translation>合格的测试不应有缺陷；请删除缺陷或记录为不合格</translation>
    </message>
    <message>
        <source>a failed test needs a defect code; scan or pick one</source>
        <translation>不合格的测试需要缺陷代码；请扫描或选择</translation>
    </message>
    <message>
        <source>unit %1 is already packed in batch %2</source>
        <translation>整机 %1 已装入批次 %2</translation>
    </message>
    <message>
        <source>batch %1 is %2; open a new batch</source>
        <translation>批次 %1 状态为 %2；请开新批次</translation>
    </message>
    <message>
        <source>batch %1 does not exist; check the batch label</source>
        <translation>批次 %1 不存在；请检查批次标签</translation>
    </message>
    <message>
        <source>batch %1 was already shipped</source>
        <translation>批次 %1 已出货</translation>
    </message>
    <message>
        <source>batch %1 is already closed</source>
        <translation>批次 %1 已关闭</translation>
    </message>
    <message>
        <source>batch %1 has no units; pack units before closing it</source>
        <translation>批次 %1 没有整机；请先装箱再关闭</translation>
    </message>
    <message>
        <source>batch %1 is still open; close it before shipping</source>
        <translation>批次 %1 仍未关闭；请先关闭再出货</translation>
    </message>
    <message>
        <source>unit %1 is packed in batch %2; void the pack record first</source>
        <translation>整机 %1 已装入批次 %2；请先作废装箱记录</translation>
    </message>
    <message>
        <source>die %1 is part of unit %2; scrap the unit</source>
        <translation>芯片 %1 属于整机 %2；请报废整机</translation>
    </message>
    <message>
        <source>card %1 was stripped; scrap its die %2 instead</source>
        <translation>卡 %1 已拆解；请改为报废其芯片 %2</translation>
    </message>
    <message>
        <source>%1 is not a known card, die or unit; check the label</source>
        <translation>%1 不是已知的卡、芯片或整机；请检查标签</translation>
    </message>
    <message>
        <source>only a supervisor can void a record; call your supervisor</source>
        <translation>只有主管可以作废记录；请联系主管</translation>
    </message>
    <message>
        <source>no record with id %1; copy the id from the trace</source>
        <translation>没有编号为 %1 的记录；请从追溯中复制编号</translation>
    </message>
    <message>
        <source>a void cannot itself be voided</source>
        <translation>作废记录本身不能被作废</translation>
    </message>
    <message>
        <source>record %1 is already void</source>
        <translation>记录 %1 已作废</translation>
    </message>
    <message>
        <source>a later %1 record (%2) builds on it; void that one first</source>
        <translation>之后的%1记录（%2）依赖于它；请先作废那条记录</translation>
    </message>
    <message>
        <source>die %1 (MSL %2) is %3 h past its floor life of %4 h; bake it (e.g. 9 h at 125 °C) and record the bake before reflow</source>
        <translation>芯片 %1（MSL %2）已超过 %4 小时的车间寿命 %3 小时；回流前请烘烤（如 125 °C 9 小时）并记录烘烤</translation>
    </message>
    <message>
        <source>die %1 is mounted on unit %2; bake loose dies only</source>
        <translation>芯片 %1 已贴装在整机 %2 上；只能烘烤未贴装的芯片</translation>
    </message>
    <message>
        <source>your role (%1) may not record %2; ask a supervisor</source>
        <translation>您的角色（%1）不能记录%2；请联系主管</translation>
    </message>
    <message>
        <source>%1 is in the future; enter when it happened, or leave it empty for now</source>
        <translation>%1 在将来；请填写实际发生的时间，或留空表示现在</translation>
    </message>
    <message>
        <source>a change of reference data is not voided; make the change again with the value it should have</source>
        <translation>基础数据的变更不能作废；请用正确的值重新做一次变更</translation>
    </message>
    <message>
        <source>%1 may record only %2 at %3; use an operator&apos;s PIN for anything else</source>
        <translation>%1 在工位 %3 只能记录 %2；其他记录请使用操作员的 PIN</translation>
    </message>
    <message>
        <source>station %1 is set up for step %2, not %3; use a station of step %3</source>
        <translation>工位 %1 设置为步骤 %2，而不是 %3；请使用步骤 %3 的工位</translation>
    </message>
    <message>
        <source>batch %1 holds units of model %2, this unit is model %3; use a batch of model %3</source>
        <translation>批次 %1 装的是型号 %2 的成品，此成品型号为 %3；请使用型号 %3 的批次</translation>
    </message>
    <message>
        <source>batch %1 is full (%2 of %3 units); close it (#CLOSE) and scan a new batch id</source>
        <translation>批次 %1 已满（%2/%3 个单元）；请关闭（#CLOSE）并扫描新的批次号</translation>
    </message>
</context>
<context>
    <name>ZplSender</name>
    <message>
        <source>&quot;%1&quot; is not a printer address; give HOST:PORT, e.g. 10.0.0.20:9100</source>
        <translation>“%1”不是打印机地址；请给出 主机:端口，例如 10.0.0.20:9100</translation>
    </message>
    <message>
        <source>the printer at %1 did not take the label (%2); the label is kept and sent again on retry; check that the printer is on and connected</source>
        <translation>%1 的打印机没有接收标签（%2）；标签已保留，重试时会再次发送；请检查打印机是否开机并已连接</translation>
    </message>
    <message>
        <source>sending to the printer at %1 was cancelled; the label is kept and sent again on retry</source>
        <translation>发送到 %1 打印机已取消；标签已保留，重试时会再次发送</translation>
    </message>
    <message>
        <source>paper out</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>ribbon out</source>
        <translation>碳带用完</translation>
    </message>
    <message>
        <source>print head open</source>
        <translation>打印头未合上</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>the printer at %1 reports: %2; the label stays queued; fix the printer, then run label retry</source>
        <translation>%1 打印机报告：%2；标签仍在队列中；请修复打印机，然后运行 label retry</translation>
    </message>
    <message>
        <source>no computer on this network is called %1 (the printer at %2); the label is kept; correct the printer&apos;s name or give its IP address, then cancel the label (label cancel) or retry</source>
        <translation>本网络中没有名为 %1 的计算机（%2 处的打印机）；标签已保留；请更正打印机名称或改用其 IP 地址，然后取消该标签（label cancel）或重试</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shop-floor tracking for GPU board rework</source>
        <translation>GPU 板卡返修车间追溯系统</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <source>Log to stderr too.</source>
        <translation>同时将日志输出到标准错误。</translation>
    </message>
    <message>
        <source>Load demo data when the database is empty.</source>
        <translation>数据库为空时载入演示数据。</translation>
    </message>
    <message>
        <source>ReworkTrack</source>
        <translation>ReworkTrack 返修追溯</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit (for documentation).</source>
        <translation>保存窗口截图后退出（用于文档）。</translation>
    </message>
    <message>
        <source>User interface language (en, zh_CN).</source>
        <translation>界面语言（en、zh_CN）。</translation>
    </message>
    <message>
        <source>Bind this PC to one station (saved).</source>
        <translation>将此电脑绑定到一个工位（会保存）。</translation>
    </message>
    <message>
        <source>Print when the login screen is ready (milliseconds since the epoch) and quit.</source>
        <translation>登录界面就绪时输出时间（自纪元起的毫秒数）并退出。</translation>
    </message>
</context>
<context>
    <name>rework::ConflictDialog</name>
    <message>
        <source>Resolve conflict %1</source>
        <translation>解决冲突 %1</translation>
    </message>
    <message>
        <source>%1 (found %2)</source>
        <translation>%1（发现于 %2）</translation>
    </message>
    <message>
        <source>Which record stands? The other one, and every record that builds on it at any station, is voided.</source>
        <translation>保留哪条记录？另一条记录以及任何工位上依赖于它的所有记录都将作废。</translation>
    </message>
    <message>
        <source>Why this record stands (required)</source>
        <translation>保留此记录的原因（必填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Record %1 of another station: not at this station yet</source>
        <translation>其他工位的记录 %1：尚未同步到本工位</translation>
    </message>
    <message>
        <source>voided here</source>
        <translation>已在本工位作废</translation>
    </message>
    <message>
        <source>set aside here</source>
        <translation>已在本工位搁置</translation>
    </message>
    <message>
        <source>applied here</source>
        <translation>已在本工位应用</translation>
    </message>
    <message>
        <source>%1 of %2 at %3, %4 (%5): record %6</source>
        <translation>工位 %3 对 %2 的%1，%4（%5）：记录 %6</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>未解决：%1</translation>
    </message>
    <message numerus="yes">
        <source>Conflict %1 resolved: %n record(s) voided</source>
        <translation>
            <numerusform>冲突 %1 已解决：已作废 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rework::DashboardPage</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>every 30 s</source>
        <translation>每 30 秒</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>every 5 minutes</source>
        <translation>每 5 分钟</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export table to CSV…</source>
        <translation>导出表格为 CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Aging after</source>
        <translation>滞留超过</translation>
    </message>
    <message>
        <source>First-pass yield, inspect</source>
        <translation>一次通过率（检测）</translation>
    </message>
    <message>
        <source>First-pass yield, test</source>
        <translation>一次通过率（测试）</translation>
    </message>
    <message>
        <source>Rolled throughput yield</source>
        <translation>直通率</translation>
    </message>
    <message>
        <source>Final yield</source>
        <translation>最终良率</translation>
    </message>
    <message>
        <source>Scrap rate</source>
        <translation>报废率</translation>
    </message>
    <message>
        <source>Retest rate</source>
        <translation>复测率</translation>
    </message>
    <message>
        <source>Cards received</source>
        <translation>来料卡</translation>
    </message>
    <message>
        <source>Units mounted</source>
        <translation>贴装整机</translation>
    </message>
    <message>
        <source>Work in progress, by the step it waits for</source>
        <translation>在制品（按待处理工序）</translation>
    </message>
    <message>
        <source>Defect Pareto (click a bar for its units)</source>
        <translation>缺陷柏拉图（点击柱形查看整机）</translation>
    </message>
    <message>
        <source>Units by repair loops</source>
        <translation>按返修次数统计整机</translation>
    </message>
    <message>
        <source>Aging WIP</source>
        <translation>滞留在制品</translation>
    </message>
    <message>
        <source>MSL alarms</source>
        <translation>湿敏告警</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Defect drill-down</source>
        <translation>缺陷明细</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Updated %1 (%2 ms)</source>
        <translation>更新于 %1（%2 毫秒）</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>等待工序</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Die</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>MSL</source>
        <translation>湿敏等级</translation>
    </message>
    <message>
        <source>Floor life left (h)</source>
        <translation>剩余车间寿命（小时）</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>First-pass test yield of units mounted</source>
        <translation>所贴装整机的测试一次通过率</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>工序</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Recall: scan a unit</source>
        <translation>追溯召回：扫描整机</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回追溯</translation>
    </message>
    <message>
        <source>%1 items share something with %2</source>
        <translation>%1 件物品与 %2 有共同点</translation>
    </message>
    <message>
        <source>Donor card</source>
        <translation>来料卡</translation>
    </message>
    <message>
        <source>Where now</source>
        <translation>当前位置</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>共同点</translation>
    </message>
    <message>
        <source>Report PDF…</source>
        <translation>报表 PDF…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report %1 to %2</source>
        <translation>报表 %1 至 %2</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报表已保存到 %1</translation>
    </message>
    <message>
        <source>Defects by station, operator, lot</source>
        <translation>缺陷（按工位、操作员、批号）</translation>
    </message>
    <message>
        <source>Donor lot</source>
        <translation>来料批号</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>both shifts</source>
        <translation>两个班次</translation>
    </message>
    <message>
        <source>day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <source>Batch: scan, or leave empty</source>
        <translation>批次：扫码，或留空</translation>
    </message>
    <message>
        <source>Throughput per station and shift, against the target</source>
        <translation>各工位每班产出与目标对比</translation>
    </message>
    <message>
        <source>Throughput per station and hour</source>
        <translation>各工位每小时产出</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>open: to resolve</source>
        <translation>未解决：待处理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Pick the record that stands in a conflict between stations</source>
        <translation>为工位之间的冲突选择要保留的记录</translation>
    </message>
    <message>
        <source>Not synced for more than a day: %1</source>
        <translation>超过一天未同步：%1</translation>
    </message>
    <message>
        <source>Writing the report to %1…</source>
        <translation>正在将报告写入 %1…</translation>
    </message>
    <message>
        <source>SPC chart</source>
        <translation>SPC 控制图</translation>
    </message>
    <message>
        <source>SPC alarms</source>
        <translation>SPC 报警</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量项</translation>
    </message>
    <message>
        <source>Rule broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Centre (LCL–UCL)</source>
        <translation>中心线（LCL–UCL）</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Chart (model · station)</source>
        <translation>控制图（型号 · 工位）</translation>
    </message>
    <message>
        <source>Aging WIP (%1; the %2 oldest listed)</source>
        <translation>滞留在制品（%1 件；列出最久的 %2 件）</translation>
    </message>
    <message>
        <source>Aging WIP (%1)</source>
        <translation>滞留在制品（%1 件）</translation>
    </message>
    <message>
        <source>Cancelled: what was still being read is not shown</source>
        <translation>已取消：仍在读取的内容不会显示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Throughput per station, the latest %1 of %2 shifts, against the target</source>
        <translation>各工位产出：共 %2 个班次中最近的 %1 个，对照目标</translation>
    </message>
    <message>
        <source>Throughput per station, the latest %1 of %2 hours with work</source>
        <translation>各工位产出：共 %2 个有产出的小时中最近的 %1 个</translation>
    </message>
    <message>
        <source>Defect Pareto, the top %1 of %2 (click a bar for its units)</source>
        <translation>缺陷柏拉图：共 %2 种中最多的 %1 种（点击柱形查看整机）</translation>
    </message>
</context>
<context>
    <name>rework::FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>rework::GenealogyModel</name>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>型号 %1</translation>
    </message>
    <message>
        <source>lot %1</source>
        <translation>批号 %1</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>Donor card</source>
        <translation>原料显卡</translation>
    </message>
    <message>
        <source>Die</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>reflows: %1</source>
        <translation>回流次数：%1</translation>
    </message>
    <message>
        <source>reballs: %1</source>
        <translation>植球次数：%1</translation>
    </message>
    <message>
        <source>other dies it carried: %1</source>
        <translation>曾承载的其他芯片：%1</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>板卡</translation>
    </message>
    <message>
        <source>repairs: %1</source>
        <translation>维修次数：%1</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>成品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>units: %1</source>
        <translation>成品数：%1</translation>
    </message>
    <message>
        <source>die %1</source>
        <translation>芯片 %1</translation>
    </message>
    <message>
        <source>board %1</source>
        <translation>板卡 %1</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>显卡 %1</translation>
    </message>
</context>
<context>
    <name>rework::LabelPrintDialog</name>
    <message>
        <source>Print label for %1</source>
        <translation>为 %1 打印标签</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>打印机 %1</translation>
    </message>
    <message>
        <source>Zebra printer on the network (ZPL)</source>
        <translation>网络上的斑马打印机（ZPL）</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>why it is printed again</source>
        <translation>补打原因</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Print to</source>
        <translation>打印到</translation>
    </message>
    <message>
        <source>Address or file</source>
        <translation>地址或文件</translation>
    </message>
    <message>
        <source>Reprint reason</source>
        <translation>补打原因</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>printer address, e.g. 10.0.0.20:9100</source>
        <translation>打印机地址，例如 10.0.0.20:9100</translation>
    </message>
    <message>
        <source>file name, e.g. /home/op/label.pdf</source>
        <translation>文件名，例如 /home/op/label.pdf</translation>
    </message>
    <message>
        <source>First print of this label.</source>
        <translation>此标签首次打印。</translation>
    </message>
    <message>
        <source>This label was printed before: say why it is printed again.</source>
        <translation>此标签已打印过：请说明补打原因。</translation>
    </message>
    <message>
        <source>The printer %1 cannot be opened; check that it is on, or choose another.</source>
        <translation>无法打开打印机 %1；请检查是否开机，或选择其他打印机。</translation>
    </message>
    <message>
        <source>Give the printer&apos;s address, e.g. 10.0.0.20:9100.</source>
        <translation>请给出打印机地址，例如 10.0.0.20:9100。</translation>
    </message>
    <message>
        <source>Give a file name for the PDF.</source>
        <translation>请给出 PDF 文件名。</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>正在发送到 %1…</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>取消发送</translation>
    </message>
    <message>
        <source>The printer&apos;s own</source>
        <translation>打印机自身分辨率</translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <source>Printer resolution</source>
        <translation>打印机分辨率</translation>
    </message>
    <message>
        <source>Laid out for %1 dpi, as chosen.</source>
        <translation>按 %1 dpi 排版（手动选择）。</translation>
    </message>
    <message>
        <source>Laid out for %1 dpi, the label&apos;s own.</source>
        <translation>按 %1 dpi 排版（标签自身分辨率）。</translation>
    </message>
    <message>
        <source>The Zebra is asked for its resolution; %1 dpi, the label&apos;s own, if it does not say.</source>
        <translation>将向 Zebra 查询其分辨率；若无应答，则使用标签自身的 %1 dpi。</translation>
    </message>
    <message>
        <source>The printer at %1 prints at %2 dpi: labels are laid out for 203, 300 or 600 dpi printers.</source>
        <translation>%1 处的打印机分辨率为 %2 dpi：标签仅按 203、300 或 600 dpi 打印机排版。</translation>
    </message>
    <message>
        <source>Laid out for %1 dpi: the printer at %2 says so.</source>
        <translation>按 %1 dpi 排版：由 %2 处的打印机报告。</translation>
    </message>
    <message>
        <source>The printer at %1 does not say its resolution: laid out for %2 dpi, the label&apos;s own.</source>
        <translation>%1 处的打印机未报告分辨率：按标签自身的 %2 dpi 排版。</translation>
    </message>
    <message>
        <source>Asking the printer at %1 for its resolution…</source>
        <translation>正在向 %1 处的打印机查询分辨率…</translation>
    </message>
    <message>
        <source>Printed before: this is a reprint.</source>
        <translation>此前已打印：本次为重打。</translation>
    </message>
    <message numerus="yes">
        <source>%n print(s) sent but not confirmed by the printer: check whether it printed.</source>
        <translation>
            <numerusform>%n 次打印已发送但打印机未确认：请检查是否已打印。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n print(s) still queued: label retry sends them, label cancel takes them out.</source>
        <translation>
            <numerusform>%n 次打印仍在队列中: label retry 会重新发送，label cancel 可将其移出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Label of %1 sent to %2, but the printer did not say it was ready: check that the label came out, and reprint it if not</source>
        <translation>%1 的标签已发送到 %2，但打印机未报告就绪：请检查标签是否已打出，未打出则重新打印</translation>
    </message>
    <message>
        <source>Label of %1 printed again to %2</source>
        <translation>%1 的标签已重新打印到 %2</translation>
    </message>
    <message>
        <source>Label of %1 printed to %2</source>
        <translation>%1 的标签已打印到 %2</translation>
    </message>
</context>
<context>
    <name>rework::LoginPage</name>
    <message>
        <source>Scan your badge, then type your PIN</source>
        <translation>请扫描工牌，然后输入 PIN</translation>
    </message>
    <message>
        <source>badge or operator id</source>
        <translation>工牌或操作员编号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>Station:</source>
        <translation>工位：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>工位 %1</translation>
    </message>
    <message>
        <source>Station %1 is not set up in this database: ask your supervisor</source>
        <translation>本数据库中没有工位 %1：请联系主管</translation>
    </message>
</context>
<context>
    <name>rework::MainWindow</name>
    <message>
        <source>ReworkTrack</source>
        <translation>ReworkTrack 返修追溯</translation>
    </message>
    <message>
        <source>This database is empty. Load demo data to try ReworkTrack, or add stations and operators with reworkctl.</source>
        <translation>数据库为空。可载入演示数据试用 ReworkTrack，或用 reworkctl 添加工位和操作员。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Cards %1 · Dies %2 · Units %3 · Batches %4 · Events %5</source>
        <translation>来料卡 %1 · 芯片 %2 · 整机 %3 · 批次 %4 · 事件 %5</translation>
    </message>
    <message>
        <source>Demo data loaded: %1 donor cards. Operators log in with PIN %2.</source>
        <translation>演示数据已载入：%1 张来料卡。操作员用 PIN %2 登录。</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1（%2）在 %3</translation>
    </message>
    <message>
        <source>Save command barcode sheet…</source>
        <translation>保存命令条码表…</translation>
    </message>
    <message>
        <source>Command barcodes</source>
        <translation>命令条码</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1: print it for the benches</source>
        <translation>已保存 %1：请打印后放在工位上</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>%1 (%2) was disabled by an admin and has been logged out. Ask your supervisor.</source>
        <translation>%1（%2）已被管理员停用并已登出。请联系主管。</translation>
    </message>
    <message>
        <source>Settings saved and in use.</source>
        <translation>设置已保存并生效。</translation>
    </message>
    <message>
        <source>Counts unavailable; see the log</source>
        <translation>无法获取计数；请查看日志</translation>
    </message>
    <message>
        <source>Daily backup written to %1</source>
        <translation>每日备份已写入 %1</translation>
    </message>
    <message>
        <source>Daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n min without input. %1 (%2) logs in again to go on with the unsaved form; anyone else starts fresh.</source>
        <translation>
            <numerusform>%n 分钟无操作，已锁定。%1（%2）重新登录可继续填写未保存的表单；其他人登录则重新开始。</numerusform>
        </translation>
    </message>
    <message>
        <source>ReworkTrack — %1</source>
        <translation>ReworkTrack — %1</translation>
    </message>
</context>
<context>
    <name>rework::OperatorsPage</name>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Operator accounts: pick one to change it, or fill in a new one</source>
        <translation>操作员账户：选择一个进行修改，或填写新账户</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>badge or operator id, e.g. OP012</source>
        <translation>工牌或操作员编号，例如 OP012</translation>
    </message>
    <message>
        <source>4 to 12 digits: for a new operator or a PIN reset</source>
        <translation>4 到 12 位数字：用于新操作员或重置 PIN</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>重置 PIN</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>locked until %1 (wrong PINs)</source>
        <translation>锁定至 %1（PIN 错误）</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>%1 added as %2; they log in with the PIN you gave</source>
        <translation>已添加 %1，角色为 %2；用你设置的 PIN 登录</translation>
    </message>
    <message>
        <source>%1 is disabled and logged out everywhere</source>
        <translation>%1 已停用，并已在所有地方登出</translation>
    </message>
    <message>
        <source>%1 can log in again</source>
        <translation>%1 可以再次登录</translation>
    </message>
    <message>
        <source>New PIN set for %1; any lock is lifted</source>
        <translation>已为 %1 设置新 PIN；锁定已解除</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 现在是 %2</translation>
    </message>
</context>
<context>
    <name>rework::ReadingsPanel</name>
    <message>
        <source>GPU UUID</source>
        <translation>GPU UUID</translation>
    </message>
    <message>
        <source>VBIOS</source>
        <translation>VBIOS</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>显存（MiB）</translation>
    </message>
    <message>
        <source>PCIe generation</source>
        <translation>PCIe 代数</translation>
    </message>
    <message>
        <source>PCIe width</source>
        <translation>PCIe 链路宽度</translation>
    </message>
    <message>
        <source>Max. temp. (°C)</source>
        <translation>最高温度（°C）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>rework::Recorder</name>
    <message>
        <source>%1 was typed as %2, but the %3 log says %4; leave the field to the log</source>
        <translation>%1 输入的是 %2，但 %3 日志显示为 %4；此字段请以日志为准，不要手填</translation>
    </message>
</context>
<context>
    <name>rework::ReflowCurveView</name>
    <message>
        <source>%1 (figures)</source>
        <translation>%1（数值）</translation>
    </message>
    <message>
        <source>liquidus %1 °C</source>
        <translation>液相线 %1 °C</translation>
    </message>
    <message>
        <source>liquidus %1 °C (%2)</source>
        <translation>液相线 %1 °C（%2）</translation>
    </message>
    <message>
        <source>peak window</source>
        <translation>峰值窗口</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Peak %1 °C (window %2) · time above liquidus %3 s (window %4) · %5</source>
        <translation>峰值 %1 °C（窗口 %2）· 液相线以上时间 %3 s（窗口 %4）· %5</translation>
    </message>
    <message>
        <source>profile passed</source>
        <translation>回流曲线合格</translation>
    </message>
    <message>
        <source>profile failed</source>
        <translation>回流曲线不合格</translation>
    </message>
</context>
<context>
    <name>rework::ScanConfirmDialog</name>
    <message>
        <source>To confirm, scan %1 again or press the button. Esc cancels.</source>
        <translation>如需确认，请再次扫描 %1 或按下按钮。按 Esc 取消。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 is not %2: nothing was done. Scan %2 to confirm, or press Esc to cancel.</source>
        <translation>%1 不是 %2：未执行任何操作。扫描 %2 以确认，或按 Esc 取消。</translation>
    </message>
</context>
<context>
    <name>rework::SettingsDialog</name>
    <message>
        <source>Die traveler</source>
        <translation>芯片流转卡</translation>
    </message>
    <message>
        <source>Unit label</source>
        <translation>整机标签</translation>
    </message>
    <message>
        <source>Batch label</source>
        <translation>批次标签</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>本电脑</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Test limits</source>
        <translation>测试限值</translation>
    </message>
    <message>
        <source>None: operators pick the station at login</source>
        <translation>无：操作员登录时选择工位</translation>
    </message>
    <message>
        <source>Station of this PC:</source>
        <translation>本电脑的工位：</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>In use now: %1. A new file is used from the next start.</source>
        <translation>当前使用：%1。新文件在下次启动时生效。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock the screen after:</source>
        <translation>闲置多久后锁屏：</translation>
    </message>
    <message>
        <source>For the station chosen on &quot;This PC&quot;: the label stock (template) and where each kind of label goes.</source>
        <translation>针对“本电脑”中选择的工位：各类标签的标签纸（模板）和输出位置。</translation>
    </message>
    <message>
        <source>Zebra: address, e.g. 10.0.0.20:9100; PDF: folder or file</source>
        <translation>斑马：地址，例如 10.0.0.20:9100；PDF：文件夹或文件</translation>
    </message>
    <message>
        <source>Central server:</source>
        <translation>中央服务器：</translation>
    </message>
    <message>
        <source>Now: %1. Leave empty to keep it.</source>
        <translation>当前：%1。留空则保持不变。</translation>
    </message>
    <message>
        <source>Not set up: this PC keeps its records locally.</source>
        <translation>未设置：本电脑只在本地保存记录。</translation>
    </message>
    <message>
        <source>Nightly sync at:</source>
        <translation>夜间同步时间：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>An empty bound means none. Values in bold are this product&apos;s own; the rest are the defaults for every product.</source>
        <translation>留空表示无限制。粗体是本产品自己的值；其余是所有产品的默认值。</translation>
    </message>
    <message>
        <source>%1: a bound must be a number, or empty for none</source>
        <translation>%1：限值必须是数字，留空表示无限制</translation>
    </message>
    <message>
        <source>(kept; type to change it)</source>
        <translation>（已保存；输入新密码即可更改）</translation>
    </message>
    <message>
        <source>Server password:</source>
        <translation>服务器密码：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>CA certificate of the sync server</source>
        <translation>同步服务器的 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>证书 (*.crt *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CA file (for sslmode=verify-full):</source>
        <translation>CA 文件（用于 sslmode=verify-full）：</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Display scale:</source>
        <translation>显示缩放：</translation>
    </message>
    <message>
        <source>A new scale is used from the next start.</source>
        <translation>新的缩放比例将在下次启动时生效。</translation>
    </message>
    <message>
        <source>At %1 % this %2 x %3 screen leaves %4 x %5 for the app, less than the 1366 x 768 the station forms need: they would scroll. Used from the next start.</source>
        <translation>在 %1 % 下，这块 %2 x %3 的屏幕只给程序留下 %4 x %5，小于工位表单所需的 1366 x 768：表单将需要滚动。下次启动时生效。</translation>
    </message>
    <message>
        <source>Test plan:</source>
        <translation>测试计划:</translation>
    </message>
    <message>
        <source>The station&apos;s own (none shared)</source>
        <translation>工位自己的计划（未共享）</translation>
    </message>
</context>
<context>
    <name>rework::SpcPanel</name>
    <message>
        <source>Measurement</source>
        <translation>测量项</translation>
    </message>
    <message>
        <source>Too few values of %1 in this range for a control chart (%2).</source>
        <translation>此范围内 %1 的值太少，无法生成控制图（%2）。</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>rule broken</source>
        <translation>违反规则</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>中心线</translation>
    </message>
    <message>
        <source>±3σ</source>
        <translation>±3σ</translation>
    </message>
    <message>
        <source>specification</source>
        <translation>规格限</translation>
    </message>
    <message>
        <source>n %1 · mean %2 · σ %3 · limits %4 – %5 · Cpk %6 · values breaking a rule: %7</source>
        <translation>n %1 · 均值 %2 · σ %3 · 控制限 %4 – %5 · Cpk %6 · 违反规则的值: %7</translation>
    </message>
    <message>
        <source>Product at station</source>
        <translation>工位上的产品</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 的 %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 at every station, pooled</source>
        <translation>%1，所有工位合并</translation>
    </message>
    <message>
        <source>every product at %1, pooled</source>
        <translation>%1 的所有产品合并</translation>
    </message>
    <message>
        <source>every product and station, pooled</source>
        <translation>所有产品和工位合并</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n values)</source>
        <translation>
            <numerusform>%1（%n 个值）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>moving range</source>
        <translation>移动极差</translation>
    </message>
    <message>
        <source>beyond its limit</source>
        <translation>超出界限</translation>
    </message>
    <message>
        <source>MR̄</source>
        <translation>MR̄</translation>
    </message>
    <message>
        <source>UCL</source>
        <translation>UCL</translation>
    </message>
    <message>
        <source>Moving range between consecutive values: MR̄ %1 (green) · upper limit %2 (dashed) · beyond it in red</source>
        <translation>相邻值之间的移动极差：MR̄ %1（绿色）· 上限 %2（虚线）· 超出者为红色</translation>
    </message>
</context>
<context>
    <name>rework::StationPage</name>
    <message>
        <source>Scan anything (F2): the form of the item&apos;s next step opens</source>
        <translation>扫描任意物品（F2）：打开该物品下一步骤的表单</translation>
    </message>
    <message>
        <source>The history of the scanned item shows here.</source>
        <translation>扫描物品的历史显示在此处。</translation>
    </message>
    <message>
        <source>card %1 (%2, lot %3)</source>
        <translation>显卡 %1（%2，批号 %3）</translation>
    </message>
    <message>
        <source>die %1</source>
        <translation>芯片 %1</translation>
    </message>
    <message>
        <source>unit %1 on board %2: %3</source>
        <translation>板卡 %2 上的成品 %1：%3</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批次 %1</translation>
    </message>
</context>
<context>
    <name>rework::StepForm</name>
    <message>
        <source>Import nvidia-smi report…</source>
        <translation>导入 nvidia-smi 报告…</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>清空（Esc）</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>%1 recorded for %2</source>
        <translation>已记录 %2 的%1</translation>
    </message>
    <message>
        <source>Unit serial %1</source>
        <translation>整机序列号 %1</translation>
    </message>
    <message>
        <source>Failed: send the die back to reball (repair loop)</source>
        <translation>不合格：芯片返回植球（返修）</translation>
    </message>
    <message>
        <source>Failed at the repair limit: put the unit in the scrap bin</source>
        <translation>已达返修上限仍不合格：请把整机放入报废箱</translation>
    </message>
    <message>
        <source>Packed into batch %1</source>
        <translation>已装入批次 %1</translation>
    </message>
    <message>
        <source>nvidia-smi report</source>
        <translation>nvidia-smi 报告</translation>
    </message>
    <message>
        <source>nvidia-smi reports (*.xml *.txt);;All files (*)</source>
        <translation>nvidia-smi 报告 (*.xml *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unknown command barcode %1</source>
        <translation>未知的命令条码 %1</translation>
    </message>
    <message>
        <source>This form has no pass/fail result</source>
        <translation>此表单没有合格/不合格结果</translation>
    </message>
    <message>
        <source>Defect %1 does not belong to this step; scan another</source>
        <translation>缺陷 %1 不属于此工序；请扫描其他缺陷</translation>
    </message>
    <message>
        <source>Attach photo or X-ray…</source>
        <translation>附加照片或 X 光图像…</translation>
    </message>
    <message>
        <source>Photos or X-ray images</source>
        <translation>照片或 X 光图像</translation>
    </message>
    <message>
        <source>Images and logs (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf *.txt *.log);;All files (*)</source>
        <translation>图像和日志 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf *.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Run nvidia-smi</source>
        <translation>运行 nvidia-smi</translation>
    </message>
    <message>
        <source>Close batch</source>
        <translation>关闭批次</translation>
    </message>
    <message>
        <source>nvidia-smi did not answer (is the card detected and the driver loaded?)</source>
        <translation>nvidia-smi 没有响应（显卡是否被识别、驱动是否已加载？）</translation>
    </message>
    <message>
        <source>cannot save the nvidia-smi report: %1</source>
        <translation>无法保存 nvidia-smi 报告：%1</translation>
    </message>
    <message>
        <source>Batch %1 closed with %2 units; seal the carton</source>
        <translation>批次 %1 已关闭，共 %2 台整机；请封箱</translation>
    </message>
    <message>
        <source>Print label (F9)</source>
        <translation>打印标签（F9）</translation>
    </message>
    <message>
        <source>New die id %1: print its traveler label (F9) and put it on the tray</source>
        <translation>新芯片编号 %1：打印随行标签（F9）并贴在托盘上</translation>
    </message>
    <message>
        <source>Print label for %1 (F9)</source>
        <translation>为 %1 打印标签（F9）</translation>
    </message>
    <message>
        <source>Nothing to label yet: save a record first, or print from the Trace tab</source>
        <translation>还没有可打印的标签：请先保存记录，或从追溯页打印</translation>
    </message>
    <message>
        <source>Report of %1 taken: %2 readings locked; choose the result and save</source>
        <translation>已读取 %1 的报告：%2 项读数已锁定；请选择结果并保存</translation>
    </message>
    <message>
        <source>The report shows no GPU UUID: it cannot pass a unit</source>
        <translation>报告中没有 GPU UUID：不能据此判定整机合格</translation>
    </message>
    <message>
        <source>Taken at idle: the PCIe link is not proven; take the report under load</source>
        <translation>空闲时采集：PCIe 链路未得到证明；请在负载下采集报告</translation>
    </message>
    <message>
        <source>GPU %1: %2, bus %3, %4</source>
        <translation>GPU %1：%2，总线 %3，%4</translation>
    </message>
    <message>
        <source>Which GPU?</source>
        <translation>哪一块 GPU？</translation>
    </message>
    <message>
        <source>The report lists %1 GPUs; pick the one under test:</source>
        <translation>报告列出 %1 块 GPU；请选择正在测试的那一块：</translation>
    </message>
    <message>
        <source>From the GPU&apos;s report; clear the form to type it</source>
        <translation>来自 GPU 报告；清空表单后才能手动输入</translation>
    </message>
    <message>
        <source>Carton %1: new, no units yet</source>
        <translation>包装箱 %1：新建，尚无整机</translation>
    </message>
    <message>
        <source>Close batch %1? %2
A closed batch takes no more units.</source>
        <translation>关闭批次 %1？%2
已关闭的批次不再接收整机。</translation>
    </message>
    <message>
        <source>Close batch %1</source>
        <translation>关闭批次 %1</translation>
    </message>
    <message>
        <source>#CLOSE closes the open batch at the pack station; this form has none</source>
        <translation>#CLOSE 用于在装箱工位关闭当前批次；此表单没有批次</translation>
    </message>
    <message>
        <source>No carton open: scan the batch label or a new batch id into the Batch field</source>
        <translation>没有打开的箱：请将批次标签或新批次编号扫入“批次”字段</translation>
    </message>
    <message>
        <source>Carton %1: new, 0 of %2 packed</source>
        <translation>箱 %1：新箱，已装 0 / %2</translation>
    </message>
    <message>
        <source>Batch %1 is closed (units: %2): scan a new batch id</source>
        <translation>批次 %1 已关闭（成品数：%2）：请扫描新批次编号</translation>
    </message>
    <message>
        <source>Carton %1: %2 of %3 packed, full: close it (#CLOSE)</source>
        <translation>箱 %1：已装 %2 / %3，已满：请关闭（#CLOSE）</translation>
    </message>
    <message>
        <source>Carton %1: %2 of %3 packed</source>
        <translation>箱 %1：已装 %2 / %3</translation>
    </message>
    <message>
        <source>Carton %1: units packed: %2</source>
        <translation>箱 %1：已装成品：%2</translation>
    </message>
    <message>
        <source>Batch %1 is closed; it takes no more units: scan a new batch id</source>
        <translation>批次 %1 已关闭，不能再装入成品：请扫描新批次编号</translation>
    </message>
    <message>
        <source>Batch %1 selected: scan the units to pack into it</source>
        <translation>已选择批次 %1：请扫描要装入的成品</translation>
    </message>
    <message>
        <source>Reading the GPU with nvidia-smi…</source>
        <translation>正在用 nvidia-smi 读取 GPU…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>nvidia-smi cancelled: no report taken</source>
        <translation>nvidia-smi 已取消：未获取报告</translation>
    </message>
    <message>
        <source>scan the item with defect %1 first</source>
        <translation>请先扫描有缺陷 %1 的物品</translation>
    </message>
    <message>
        <source>Scrap with defect %1</source>
        <translation>以缺陷 %1 报废</translation>
    </message>
    <message>
        <source>Scrap %1 with defect %2? It leaves the rework line.</source>
        <translation>以缺陷 %2 报废 %1？它将离开返修线。</translation>
    </message>
    <message>
        <source>Scrap %1</source>
        <translation>报废 %1</translation>
    </message>
    <message>
        <source>%1 scrapped with defect %2: put it in the scrap bin</source>
        <translation>%1 已以缺陷 %2 报废：请放入报废箱</translation>
    </message>
    <message>
        <source>More fields (%1)</source>
        <translation>更多字段（%1）</translation>
    </message>
    <message>
        <source>Run test plan…</source>
        <translation>运行测试计划…</translation>
    </message>
    <message>
        <source>Batch %1 is full: close it (#CLOSE) or scan a new batch id</source>
        <translation>批次 %1 已满：请关闭（#CLOSE）或扫描新的批次号</translation>
    </message>
    <message>
        <source>New batch %1: it opens with the first unit you scan</source>
        <translation>新批次 %1：扫描第一个单元时开启</translation>
    </message>
    <message>
        <source>Unit serial: scan the unit to test first, then Run test plan</source>
        <translation>单元序列号：先扫描要测试的单元，再点“运行测试计划”</translation>
    </message>
    <message>
        <source>%1 passed its test plan: recorded</source>
        <translation>%1 测试计划通过：已记录</translation>
    </message>
    <message>
        <source>%1 failed its test plan: recorded as failed, send it to repair</source>
        <translation>%1 测试计划未通过：已记为失败，请送修</translation>
    </message>
    <message>
        <source>Import rig log…</source>
        <translation>导入测试台日志…</translation>
    </message>
    <message>
        <source>Test rig output</source>
        <translation>测试台输出</translation>
    </message>
    <message>
        <source>Rig logs (*.log *.txt *.json *.csv);;All files (*)</source>
        <translation>测试台日志 (*.log *.txt *.json *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 read: it passes the test plan; it goes with the record</source>
        <translation>已读取 %1：符合测试计划，将随记录一起保存</translation>
    </message>
    <message>
        <source>%1 read: it fails the test plan (%2); it goes with the record</source>
        <translation>已读取 %1：不符合测试计划（%2），将随记录一起保存</translation>
    </message>
    <message>
        <source>%1 read, but its curve cannot be drawn: %2</source>
        <translation>已读取 %1，但无法绘制其曲线: %2</translation>
    </message>
    <message>
        <source>Unit serial: scan the unit to test first, then import its rig log</source>
        <translation>单元序列号：请先扫描要测试的单元，再导入其测试台日志</translation>
    </message>
    <message>
        <source>Die: scan the die first, then import its reflow log</source>
        <translation>芯片：请先扫描芯片，再导入其回流焊日志</translation>
    </message>
</context>
<context>
    <name>rework::SyncPanel</name>
    <message>
        <source>Sync state unreadable</source>
        <translation>无法读取同步状态</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Synchronising with the central server…</source>
        <translation>正在与中央服务器同步…</translation>
    </message>
    <message>
        <source>Sync done: %1 sent, %2 received</source>
        <translation>同步完成：发送 %1，接收 %2</translation>
    </message>
    <message>
        <source>Synchronising: %1 (%2)</source>
        <translation>同步中：%1（%2）</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>over %1 waiting</source>
        <translation>等待超过 %1</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>Sync: never synced · %1</source>
        <translation>同步：从未同步 · %1</translation>
    </message>
    <message>
        <source>Sync: last %1 · %2</source>
        <translation>同步：上次 %1 · %2</translation>
    </message>
</context>
<context>
    <name>rework::TestPlanDialog</name>
    <message>
        <source>Run test plan</source>
        <translation>运行测试计划</translation>
    </message>
    <message>
        <source>Test plan %1 for unit %2</source>
        <translation>单元 %2 的测试计划 %1</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>已用时间 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1：等待中</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1：运行中</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>tool missing</source>
        <translation>工具缺失</translation>
    </message>
    <message>
        <source>output unreadable</source>
        <translation>输出无法读取</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
</context>
<context>
    <name>rework::TestPlanRun</name>
    <message>
        <source>this plan has run already</source>
        <translation>此计划已运行过</translation>
    </message>
    <message>
        <source>log in first: a test is recorded by its operator</source>
        <translation>请先登录：测试按操作员记录</translation>
    </message>
    <message>
        <source>%1 is not waiting for its test: %2</source>
        <translation>%1 不在等待测试状态: %2</translation>
    </message>
    <message>
        <source>your role (%1) may not record a test; ask a supervisor</source>
        <translation>您的角色（%1）无权记录测试；请联系主管</translation>
    </message>
    <message>
        <source>no temporary folder for the tools&apos; output</source>
        <translation>没有用于存放工具输出的临时文件夹</translation>
    </message>
    <message>
        <source>%1 not found on this PC: install it or set %2 in %3</source>
        <translation>本 PC 上未找到 %1：请安装，或在 %3 中设置 %2</translation>
    </message>
    <message>
        <source>%1 could not be started (%2): install it or set %3</source>
        <translation>%1 无法启动（%2）：请安装，或设置 %3</translation>
    </message>
    <message>
        <source>stopped: without the GPU&apos;s report the test cannot be recorded</source>
        <translation>已停止：没有 GPU 报告，无法记录测试</translation>
    </message>
    <message>
        <source>cancelled: nothing of this test plan is recorded</source>
        <translation>已取消：此测试计划未记录任何内容</translation>
    </message>
    <message>
        <source>%1 was still running after %2 s and was stopped; nothing is recorded: check the rig, or set rig.timeout.%3</source>
        <translation>%1 运行超过 %2 s 仍未结束，已被停止；未记录任何内容：请检查测试台，或设置 rig.timeout.%3</translation>
    </message>
    <message>
        <source>nothing recorded for %1: the test plan did not run to its end</source>
        <translation>%1 未记录任何内容：测试计划未运行完毕</translation>
    </message>
    <message>
        <source>the test of %1 was not recorded: %2</source>
        <translation>%1 的测试未记录: %2</translation>
    </message>
    <message>
        <source>test of %1 recorded as passed (event %2)</source>
        <translation>%1 的测试已记录为通过（事件 %2）</translation>
    </message>
    <message>
        <source>test of %1 recorded as failed (event %2)</source>
        <translation>%1 的测试已记录为失败（事件 %2）</translation>
    </message>
    <message>
        <source>the output could not be kept: %1</source>
        <translation>无法保存输出: %1</translation>
    </message>
    <message>
        <source>$ %1 %2 (the GPU&apos;s report, taken under load)</source>
        <translation>$ %1 %2（GPU 报告，在负载下获取）</translation>
    </message>
    <message>
        <source>%1 was still running after %2 s and was stopped</source>
        <translation>%1 运行超过 %2 s 仍未结束，已被停止</translation>
    </message>
    <message>
        <source>the GPU&apos;s report is taken</source>
        <translation>已获取 GPU 报告</translation>
    </message>
    <message>
        <source>test plan %1 requires no rig run (gpu_burn, dcgmi diag, a VRAM test), so it would test nothing but the GPU&apos;s report: run strict, or a plan file that lists its &quot;required&quot; runs</source>
        <translation>测试计划 %1 不要求任何测试台运行（gpu_burn、dcgmi diag、显存测试），只会检查 GPU 报告：请使用 strict，或在计划文件的 &quot;required&quot; 中列出要运行的项目</translation>
    </message>
    <message>
        <source>%1&apos;s output says it ran %2 min, but the command ran %3 s: it is not the output of this run, and nothing is recorded; check rig.command.%4</source>
        <translation>%1 的输出称运行了 %2 分钟，但命令只运行了 %3 秒：这不是本次运行的输出，未记录任何内容；请检查 rig.command.%4</translation>
    </message>
</context>
<context>
    <name>rework::TimelineModel</name>
    <message>
        <source>VOID</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>工序</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据文件</translation>
    </message>
</context>
<context>
    <name>rework::TracePage</name>
    <message>
        <source>Trace: scan any card, die, board, unit or batch serial, or a GPU UUID</source>
        <translation>追溯：扫描任意显卡、芯片、板卡、成品或批次序列号，或 GPU UUID</translation>
    </message>
    <message>
        <source>Scan or type a serial, then press Enter</source>
        <translation>扫描或输入序列号，然后按 Enter</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>打开证据文件</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <source>Void selected record…</source>
        <translation>作废所选记录…</translation>
    </message>
    <message>
        <source>Print label for %1…</source>
        <translation>打印 %1 的标签…</translation>
    </message>
    <message>
        <source>Cannot open evidence %1: the file is missing from the evidence store or no program opens it</source>
        <translation>无法打开证据文件 %1：证据文件库中缺少该文件，或没有程序可以打开它</translation>
    </message>
    <message>
        <source>Record %1 is void; it stays in the history, marked VOID</source>
        <translation>记录 %1 已作废；它会保留在历史中，标记为 VOID</translation>
    </message>
    <message>
        <source>Reflow curve…</source>
        <translation>回流曲线…</translation>
    </message>
    <message>
        <source>This record imported no reflow log</source>
        <translation>此记录未导入回流日志</translation>
    </message>
    <message>
        <source>Reflow curve of %1</source>
        <translation>%1 的回流曲线</translation>
    </message>
</context>
<context>
    <name>rework::VoidDialog</name>
    <message>
        <source>Void a record</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <source>Voiding this record undoes:</source>
        <translation>作废此记录将撤销：</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>原因（必填）：</translation>
    </message>
    <message>
        <source>why the record is wrong, e.g. wrong carton</source>
        <translation>记录错误的原因，例如：装错箱</translation>
    </message>
    <message>
        <source>Void record</source>
        <translation>作废记录</translation>
    </message>
</context>
</TS>
