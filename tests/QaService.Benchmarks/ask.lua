-- wrk script: POST /api/ask, cycling through a few questions written for the load test.
local questions = {
  "who visited islamabad from tehran",
  "What happened to the Indian jets?",
  "Why is Pakistan worried about Israel's influence in Iran?",
  "gaza ceasefire",
  "How many days did the India Pakistan clash go on?",
}
local n = 0
request = function()
  n = n + 1
  local body = '{"question":"' .. questions[(n % #questions) + 1] .. '","mode":"extractive"}'
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end
