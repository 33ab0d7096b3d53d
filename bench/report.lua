-- wrk script: POST /api/reports, each request about a new child (valid GB 11643 ID number, gulou).
local counter = 0
local next_thread = 0
local W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local C = "10X98765432"
function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
end
local function id_number(n)
  local day = math.floor(n / 1000)
  local birth = os.date("!%Y%m%d", 1262304000 + day * 86400)  -- from 2010-01-01
  local body = "320106" .. birth .. string.format("%03d", n % 1000)
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * W[i] end
  local k = sum % 11 + 1
  return body .. C:sub(k, k), birth
end
function request()
  counter = counter + 1
  local n = (tonumber(os.getenv("RUN_OFFSET") or "0") or 0) + (thread_no or 0) * 1000000 + counter
  local id, birth = id_number(n)
  local b = birth:sub(1, 4) .. "-" .. birth:sub(5, 6) .. "-" .. birth:sub(7, 8)
  local body = '{"channel":"HOTLINE_12345","receivedAt":"2026-11-28T09:30:00+08:00",'
    .. '"reporter":{"name":"王老师","phone":"13800000000","type":"TEACHER"},'
    .. '"child":{"name":"测试' .. n .. '","idNumber":"' .. id .. '","gender":"F","birthDate":"' .. b .. '"},'
    .. '"location":{"district":"gulou","street":"湖南路街道","community":"凤凰二村社区","address":"凤凰二村1号"},'
    .. '"suspectedCategories":["LEFT_BEHIND"],"immediateDanger":false,"description":"孩子长期独自在家"}'
  return wrk.format("POST", "/api/reports", {["Content-Type"] = "application/json",
    ["Authorization"] = "Basic Y2VudGVyOmNlbnRlcg=="}, body)
end
dofile("calls.lua")
