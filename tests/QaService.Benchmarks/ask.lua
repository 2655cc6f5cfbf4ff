-- wrk script: POST /api/ask with a different question on each request, taken in turn from the held-out question
-- files in tests/questions (about 150 questions, kept JSON-escaped as they are in the files).
-- UNIQUE=1 makes every request's question new for the whole run (a request number is appended), so no cache helps.
local questions = {}
local unique = os.getenv("UNIQUE") == "1"

local function read_questions(path)
  local file = io.open(path, "r")
  if not file then return end
  local text = file:read("*a")
  file:close()
  local from = 1
  while true do
    local _, stop = string.find(text, '"question": "', from, true)
    if not stop then break end
    local i = stop + 1
    while true do
      local c = string.sub(text, i, i)
      if c == "\\" then i = i + 2
      elseif c == '"' or c == "" then break
      else i = i + 1 end
    end
    questions[#questions + 1] = string.sub(text, stop + 1, i - 1)
    from = i + 1
  end
end

for _, name in ipairs({ "heldout-1", "heldout-2", "heldout-3" }) do
  read_questions("tests/questions/" .. name .. ".jsonl")
end
assert(#questions > 0, "no questions found: run wrk from the repository root")

local n = 0
request = function()
  n = n + 1
  local question = questions[(n % #questions) + 1]
  if unique then question = question .. " " .. n end
  local body = '{"question":"' .. question .. '","mode":"extractive"}'
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end
